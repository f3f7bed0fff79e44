package org.opencustoms.scan.sim.physics;

/**
 * The detector side of a scanner at full resolution.
 *
 * @param rows detector elements over the field of view
 * @param fieldOfViewCm height covered by the detector column at the container
 * @param columnPitchCm container length per image column at nominal scan speed
 * @param blurSigmaCm Gaussian spread of the detector response (focal spot, crosstalk)
 * @param electronicNoise read-out noise in counts (standard deviation)
 * @param rowGainSpread relative calibration residue between detector elements
 * @param columnGainSpread relative dose variation between linac pulses
 * @param photonCounting true when pixels are photon counts (Poisson), false for integrating detectors
 * @param scatterFraction scattered and build-up radiation reaching a detector element, as a share of the mean
 *     intensity its column (one pulse of the fan beam) transmits: a low-frequency haze that fills in dense objects
 */
public record ScannerModel(int rows, double fieldOfViewCm, double columnPitchCm, double blurSigmaCm, double electronicNoise,
        double rowGainSpread, double columnGainSpread, boolean photonCounting, double scatterFraction) {

    public static final double FIELD_OF_VIEW_CM = 310;

    public static ScannerModel xray() {
        return new ScannerModel(2000, FIELD_OF_VIEW_CM, 0.25, 0.15, 6, 0.003, 0.004, false, 0);
    }

    public static ScannerModel gamma(int rows) {
        return new ScannerModel(rows, FIELD_OF_VIEW_CM, 0.9, 0.9, 0, 0.004, 0, true, 0);
    }
}
