package org.opencustoms.scan.sim.physics;

/** The radiation a scanner shoots through the container, reduced to one effective coefficient per material. */
public interface Beam {

    /** Human-readable source description, e.g. "linac 6 MeV" or "Co-60". */
    public String label();

    /** Effective mass attenuation coefficient (cm^2/g) of the material for this beam. */
    public double massAttenuation(Material material);
}
