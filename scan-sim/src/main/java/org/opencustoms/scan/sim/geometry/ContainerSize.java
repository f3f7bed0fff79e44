package org.opencustoms.scan.sim.geometry;

/** ISO container lengths (external, cm). */
public enum ContainerSize {
    TWENTY_FOOT(605.8, 28_000),
    FORTY_FOOT(1219.2, 26_500);

    private final double lengthCm;
    private final double payloadKg;

    ContainerSize(double lengthCm, double payloadKg) {
        this.lengthCm = lengthCm;
        this.payloadKg = payloadKg;
    }

    /** Typical maximum payload; a forty-footer carries less than twice a twenty-footer's. */
    public double payloadKg() {
        return payloadKg;
    }

    public double lengthCm() {
        return lengthCm;
    }
}
