package org.opencustoms.scan.sim;

/**
 * What to simulate.
 *
 * @param modality which scanners to simulate
 * @param threatRate share of scans given one or more projected threats
 * @param emptyRate share of containers without cargo (an empty container that draws a threat
 *     holds a small hidden object and is then not labelled empty)
 * @param scale image size relative to full resolution (1 = about 2,000 x 5,000 for X-ray);
 *     the scene and the physics stay the same, only the pixels get coarser
 * @param dualEnergy give X-ray scans a low-energy image as well (gamma scans stay single)
 * @param xrayI0 open-beam counts of X-ray scans
 * @param gammaI0 open-beam counts of gamma scans
 * @param threatProjection draw the planned threats; false renders the same scan without them
 * @param conditions the acquisition conditions; when not nominal they draw I0, replacing the two above
 */
public record SimulationOptions(ModalityChoice modality, double threatRate, double emptyRate, double scale,
        boolean dualEnergy, int xrayI0, int gammaI0, boolean threatProjection, ScanConditions conditions) {

    public static final int DEFAULT_XRAY_I0 = 60_000;
    public static final int DEFAULT_GAMMA_I0 = 4_000;

    public SimulationOptions {
        if (modality == null) {
            throw new IllegalArgumentException("modality is required");
        }
        if (conditions == null) {
            throw new IllegalArgumentException("conditions are required");
        }
        requireShare("threat rate", threatRate);
        requireShare("empty rate", emptyRate);
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("scale must be above 0 and at most 1, got " + scale);
        }
        requireCounts("X-ray I0", xrayI0);
        requireCounts("gamma I0", gammaI0);
    }

    /** Full-size X-ray scans, 30 % with threats, 15 % empty containers. */
    public static SimulationOptions defaults() {
        return new SimulationOptions(ModalityChoice.XRAY, 0.3, 0.15, 1.0, false, DEFAULT_XRAY_I0, DEFAULT_GAMMA_I0,
                true, ScanConditions.NOMINAL);
    }

    public SimulationOptions withModality(ModalityChoice value) {
        return new SimulationOptions(value, threatRate, emptyRate, scale, dualEnergy, xrayI0, gammaI0,
                threatProjection, conditions);
    }

    public SimulationOptions withThreatRate(double value) {
        return new SimulationOptions(modality, value, emptyRate, scale, dualEnergy, xrayI0, gammaI0,
                threatProjection, conditions);
    }

    public SimulationOptions withEmptyRate(double value) {
        return new SimulationOptions(modality, threatRate, value, scale, dualEnergy, xrayI0, gammaI0,
                threatProjection, conditions);
    }

    public SimulationOptions withScale(double value) {
        return new SimulationOptions(modality, threatRate, emptyRate, value, dualEnergy, xrayI0, gammaI0,
                threatProjection, conditions);
    }

    public SimulationOptions withDualEnergy(boolean value) {
        return new SimulationOptions(modality, threatRate, emptyRate, scale, value, xrayI0, gammaI0,
                threatProjection, conditions);
    }

    public SimulationOptions withI0(int xray, int gamma) {
        return new SimulationOptions(modality, threatRate, emptyRate, scale, dualEnergy, xray, gamma,
                threatProjection, conditions);
    }

    public SimulationOptions withThreatProjection(boolean value) {
        return new SimulationOptions(modality, threatRate, emptyRate, scale, dualEnergy, xrayI0, gammaI0, value, conditions);
    }

    public SimulationOptions withConditions(ScanConditions value) {
        return new SimulationOptions(modality, threatRate, emptyRate, scale, dualEnergy, xrayI0, gammaI0, threatProjection,
                value);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }

    private static void requireCounts(String name, int value) {
        if (value < 1 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be 1 to 65535 counts, got " + value);
        }
    }
}
