package org.opencustoms.scan.sim.cargo;

/** What a loaded container carries. */
public enum CargoKind {
    /** Nothing: an empty container. */
    NONE,
    /** Cartons stacked on wooden or plastic pallets. */
    PALLETS,
    /** Loose fill, sacks, big bags or a liquid bladder. */
    BULK,
    /** Steel machines, coils, pipes and beams. */
    MACHINERY,
    /** Rows of drums and IBC totes holding liquids. */
    DRUMS,
    /** Textile bales, hanging garments or garment cartons. */
    GARMENTS,
    /** Sections of several of the above. */
    MIXED;

    public CargoLoader loader() {
        return switch (this) {
            case NONE -> (space, payload, random, out) -> { };
            case PALLETS -> PalletCargo.INSTANCE;
            case BULK -> BulkCargo.INSTANCE;
            case MACHINERY -> MachineryCargo.INSTANCE;
            case DRUMS -> DrumCargo.INSTANCE;
            case GARMENTS -> GarmentCargo.INSTANCE;
            case MIXED -> MixedCargo.INSTANCE;
        };
    }
}
