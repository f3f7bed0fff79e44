package org.opencustoms.scan.sim.physics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bremsstrahlung beam of an electron linac. A pixel of an energy-integrating detector sees a
 * spectrum, not one energy, so each material gets the detector-weighted mean of its XCOM
 * coefficient over a Kramers spectrum ((E0 - E) / E photons per MeV, times E deposited).
 * The spectrum is first hardened by {@link #HARDENING_STEEL_CM} of steel, standing for the
 * target, the collimator and the walls of the container: this single effective coefficient
 * ignores the further hardening inside thick cargo and scatter, which is the approximation.
 */
public final class LinacBeam implements Beam {

    public static final double HARDENING_STEEL_CM = 10.0;
    private static final double LOWEST_ENERGY_MEV = 0.1;
    private static final double ENERGY_STEP_MEV = 0.01;
    private static final Map<Double, LinacBeam> CACHE = new ConcurrentHashMap<>();

    private final double endpointMeV;
    private final Map<Material, Double> effective = new EnumMap<>(Material.class);

    private LinacBeam(double endpointMeV) {
        this.endpointMeV = endpointMeV;
        for (Material material : Material.values()) {
            effective.put(material, spectrumMean(material));
        }
    }

    /** The beam of a linac with the given electron energy (the spectrum's endpoint), 1 to 10 MeV. */
    public static LinacBeam of(double endpointMeV) {
        if (!(endpointMeV >= 1 && endpointMeV <= 10)) {
            throw new IllegalArgumentException("linac endpoint must be 1 to 10 MeV, got " + endpointMeV);
        }
        return CACHE.computeIfAbsent(endpointMeV, LinacBeam::new);
    }

    public double endpointMeV() {
        return endpointMeV;
    }

    @Override
    public String label() {
        return "linac " + formatMeV(endpointMeV) + " MeV";
    }

    @Override
    public double massAttenuation(Material material) {
        return effective.get(material);
    }

    private double spectrumMean(Material material) {
        double weighted = 0;
        double total = 0;
        for (double energy = LOWEST_ENERGY_MEV; energy < endpointMeV; energy += ENERGY_STEP_MEV) {
            double photons = (endpointMeV - energy) / energy;
            double hardening = Math.exp(-Material.STEEL.massAttenuation(energy)
                    * Material.STEEL.density() * HARDENING_STEEL_CM);
            double weight = photons * energy * hardening;
            weighted += weight * material.massAttenuation(energy);
            total += weight;
        }
        return weighted / total;
    }

    private static String formatMeV(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
