package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.cargo.CargoKind;
import org.opencustoms.scan.sim.physics.LinacBeam;
import org.opencustoms.scan.sim.physics.ScannerModel;

import static org.opencustoms.scan.sim.Randoms.between;

import java.util.SplittableRandom;

/**
 * The acquisition conditions scans are drawn under. {@code NOMINAL} is one setting per modality (the
 * options' I0, the scanner models of {@link ScannerModel}, no scatter) and draws nothing, so scans made
 * before these conditions existed come out unchanged. {@code TRAINING} randomises dose, noise, detector
 * pitch and blur, calibration residues, beam energy and scatter over wide ranges, and never loads drums.
 * {@code SHIFTED} lies outside every training range (lower dose, more read-out noise, coarser pitch,
 * more blur, larger residues and scatter, a lower linac energy) and loads drums in half of the loaded
 * containers: it measures how a model trained on {@code TRAINING} transfers, and is never trained or
 * tuned on.
 */
public enum ScanConditions {
    NOMINAL(null, null, null, null, null, null, null, null, null, null, null, null, null, 0),
    TRAINING(new Range(20_000, 65_000), new Range(2_000, 8_000), new Range(1_500, 2_400), new Range(0.20, 0.35),
            new Range(0.10, 0.45), new Range(0, 20), new Range(0.7, 1.1), new Range(0.6, 1.2), new Range(0, 0.008),
            new Range(0, 0.02), new Range(4, 9), new int[] {256, 300, 320, 384}, CargoKind.DRUMS, 0),
    SHIFTED(new Range(6_000, 12_000), new Range(900, 1_500), new Range(1_100, 1_300), new Range(0.45, 0.55),
            new Range(0.55, 0.70), new Range(28, 40), new Range(1.3, 1.5), new Range(1.35, 1.6), new Range(0.012, 0.016),
            new Range(0.03, 0.05), new Range(3, 3.5), new int[] {200, 224, 448, 480}, null, 0.5);

    /** A closed interval to draw from uniformly. */
    public record Range(double low, double high) {

        double draw(SplittableRandom random) {
            return between(random, low, high);
        }

        /** Uniform in log space: doses spread over a factor of three are drawn evenly per octave. */
        double drawLog(SplittableRandom random) {
            return Math.exp(between(random, Math.log(low), Math.log(high)));
        }
    }

    private final Range xrayI0;
    private final Range gammaI0;
    private final Range xrayRows;
    private final Range xrayPitchCm;
    private final Range xrayBlurCm;
    private final Range xrayReadNoise;
    private final Range gammaPitchCm;
    private final Range gammaBlurCm;
    private final Range gainSpread;
    private final Range scatter;
    private final Range linacEndpointMeV;
    private final int[] gammaRows;
    private final CargoKind neverLoaded;
    private final double drumShare;

    ScanConditions(Range xrayI0, Range gammaI0, Range xrayRows, Range xrayPitchCm, Range xrayBlurCm, Range xrayReadNoise,
            Range gammaPitchCm, Range gammaBlurCm, Range gainSpread, Range scatter, Range linacEndpointMeV, int[] gammaRows,
            CargoKind neverLoaded, double drumShare) {
        this.xrayI0 = xrayI0;
        this.gammaI0 = gammaI0;
        this.xrayRows = xrayRows;
        this.xrayPitchCm = xrayPitchCm;
        this.xrayBlurCm = xrayBlurCm;
        this.xrayReadNoise = xrayReadNoise;
        this.gammaPitchCm = gammaPitchCm;
        this.gammaBlurCm = gammaBlurCm;
        this.gainSpread = gainSpread;
        this.scatter = scatter;
        this.linacEndpointMeV = linacEndpointMeV;
        this.gammaRows = gammaRows;
        this.neverLoaded = neverLoaded;
        this.drumShare = drumShare;
    }

    public boolean nominal() {
        return this == NOMINAL;
    }

    /** An X-ray detector drawn from these conditions; only called when not nominal. */
    ScannerModel xrayScanner(SplittableRandom random) {
        int rows = (int) Math.round(xrayRows.draw(random));
        return new ScannerModel(rows, ScannerModel.FIELD_OF_VIEW_CM, xrayPitchCm.draw(random), xrayBlurCm.draw(random),
                xrayReadNoise.draw(random), gainSpread.draw(random), gainSpread.draw(random), false, scatter.draw(random));
    }

    ScannerModel gammaScanner(SplittableRandom random) {
        int rows = gammaRows[random.nextInt(gammaRows.length)];
        return new ScannerModel(rows, ScannerModel.FIELD_OF_VIEW_CM, gammaPitchCm.draw(random), gammaBlurCm.draw(random), 0,
                gainSpread.draw(random), 0, true, scatter.draw(random));
    }

    int xrayI0(SplittableRandom random) {
        return (int) Math.round(xrayI0.drawLog(random));
    }

    int gammaI0(SplittableRandom random) {
        return (int) Math.round(gammaI0.drawLog(random));
    }

    /** A linac beam on a half-MeV grid, so the spectrum averages of a few endpoints are computed once. */
    LinacBeam linac(SplittableRandom random) {
        return LinacBeam.of(Math.round(linacEndpointMeV.draw(random) * 2) / 2.0);
    }

    /** The cargo of a loaded container, drawn by {@code usual} unless these conditions exclude or favour a kind. */
    CargoKind cargo(SplittableRandom random, java.util.function.Supplier<CargoKind> usual) {
        if (drumShare > 0 && random.nextDouble() < drumShare) {
            return CargoKind.DRUMS;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            CargoKind kind = usual.get();
            if (kind != neverLoaded) {
                return kind;
            }
        }
        return CargoKind.PALLETS;
    }
}
