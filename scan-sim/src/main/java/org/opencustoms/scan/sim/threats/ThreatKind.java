package org.opencustoms.scan.sim.threats;

/** Families of projected threats. */
public enum ThreatKind {
    /** Pistols, rifles, shotguns, grenades, ammunition: dense, shaped steel. */
    WEAPON,
    /** Lead or steel blocks, pigs and lined boxes that could hide a radioactive source. */
    SHIELDING,
    /** Stacks of brick-shaped organic packages (narcotics, explosives). */
    ORGANIC_BRICKS,
    /** A false wall, floor or ceiling, or a lined side wall, with contents. */
    HIDDEN_COMPARTMENT
}
