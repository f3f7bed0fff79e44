package org.opencustoms.scan.sim.physics;

/** Radioisotope sources of gamma scanners; their lines are monoenergetic, so Beer-Lambert holds exactly. */
public enum GammaSource implements Beam {
    /** Co-60 emits 1.17 and 1.33 MeV in equal numbers; their mean stands in for both. */
    CO60("Co-60", 1.25),
    CS137("Cs-137", 0.662);

    private final String label;
    private final double energyMeV;

    GammaSource(String label, double energyMeV) {
        this.label = label;
        this.energyMeV = energyMeV;
    }

    @Override
    public String label() {
        return label;
    }

    public double energyMeV() {
        return energyMeV;
    }

    @Override
    public double massAttenuation(Material material) {
        return material.massAttenuation(energyMeV);
    }
}
