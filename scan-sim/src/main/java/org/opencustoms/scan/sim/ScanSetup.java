package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.cargo.CargoKind;
import org.opencustoms.scan.sim.geometry.ContainerGeometry;
import org.opencustoms.scan.sim.geometry.ContainerSize;
import org.opencustoms.scan.sim.geometry.PixelGrid;
import org.opencustoms.scan.sim.physics.Beam;
import org.opencustoms.scan.sim.physics.GammaSource;
import org.opencustoms.scan.sim.physics.LinacBeam;
import org.opencustoms.scan.sim.physics.ScannerModel;

import org.opencustoms.scan.imaging.Modality;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;
import static org.opencustoms.scan.sim.Randoms.intBetween;

import java.util.List;
import java.util.SplittableRandom;

/** The draws that fix a scan before anything is built: scanner, beam, container, cargo and threat count. */
public record ScanSetup(Modality modality, List<Beam> beams, int i0, ScannerModel scanner, PixelGrid grid,
        ContainerGeometry container, CargoKind cargo, int threatCount) {

    private static final double[] SINGLE_ENDPOINTS_MEV = {4, 6, 6, 7.5, 9};
    private static final double[][] DUAL_ENDPOINTS_MEV = {{6, 4}, {9, 6}};
    private static final int[] GAMMA_ROWS = {256, 300, 320, 384};
    private static final CargoKind[] CARGO = {CargoKind.PALLETS, CargoKind.BULK, CargoKind.MACHINERY,
        CargoKind.DRUMS, CargoKind.GARMENTS, CargoKind.MIXED};
    private static final double[] CARGO_WEIGHTS = {0.3, 0.14, 0.14, 0.12, 0.13, 0.17};

    public static ScanSetup draw(SimulationOptions options, SplittableRandom random) {
        Modality modality = switch (options.modality()) {
            case XRAY -> Modality.XRAY;
            case GAMMA -> Modality.GAMMA;
            case MIXED -> random.nextBoolean() ? Modality.XRAY : Modality.GAMMA;
        };
        List<Beam> beams;
        ScannerModel scanner;
        int i0;
        ScanConditions conditions = options.conditions();
        if (modality == Modality.XRAY) {
            if (options.dualEnergy()) {
                beams = dualBeams(random);
            } else if (conditions.nominal()) {
                beams = List.of(LinacBeam.of(SINGLE_ENDPOINTS_MEV[random.nextInt(SINGLE_ENDPOINTS_MEV.length)]));
            } else {
                beams = List.of(conditions.linac(random));
            }
            scanner = conditions.nominal() ? ScannerModel.xray() : conditions.xrayScanner(random);
            i0 = conditions.nominal() ? options.xrayI0() : conditions.xrayI0(random);
        } else {
            beams = List.of(chance(random, 0.6) ? GammaSource.CO60 : GammaSource.CS137);
            scanner = conditions.nominal() ? ScannerModel.gamma(GAMMA_ROWS[random.nextInt(GAMMA_ROWS.length)])
                    : conditions.gammaScanner(random);
            i0 = conditions.nominal() ? options.gammaI0() : conditions.gammaI0(random);
        }
        ContainerSize size = chance(random, 0.55) ? ContainerSize.FORTY_FOOT : ContainerSize.TWENTY_FOOT;
        boolean highCube = chance(random, 0.35);
        boolean doorOnLeft = random.nextBoolean();
        boolean empty = chance(random, options.emptyRate());
        CargoKind cargo = empty ? CargoKind.NONE
                : conditions.nominal() ? drawCargo(random) : conditions.cargo(random, () -> drawCargo(random));
        int threats = chance(random, options.threatRate()) ? (empty ? intBetween(random, 1, 2) : threatCount(random)) : 0;
        double speed = between(random, 0.94, 1.06);
        double marginBefore = between(random, 40, 90);
        double marginAfter = between(random, 40, 90);
        double bottomGap = between(random, 2, 12);

        int rows = Math.max(8, (int) Math.round(scanner.rows() * options.scale()));
        double pitchY = scanner.fieldOfViewCm() / rows;
        double pitchX = scanner.columnPitchCm() * speed / options.scale();
        int columns = (int) Math.ceil((marginBefore + size.lengthCm() + marginAfter) / pitchX);
        PixelGrid grid = new PixelGrid(columns, rows, pitchX, pitchY);
        double yTop = scanner.fieldOfViewCm() - bottomGap - ContainerGeometry.heightOf(highCube);
        ContainerGeometry container = new ContainerGeometry(size, highCube, marginBefore, yTop, doorOnLeft);
        return new ScanSetup(modality, beams, i0, scanner, grid, container, cargo, threats);
    }

    private static List<Beam> dualBeams(SplittableRandom random) {
        double[] pair = DUAL_ENDPOINTS_MEV[random.nextInt(DUAL_ENDPOINTS_MEV.length)];
        return List.of(LinacBeam.of(pair[0]), LinacBeam.of(pair[1]));
    }

    private static CargoKind drawCargo(SplittableRandom random) {
        double roll = random.nextDouble();
        for (int i = 0; i < CARGO.length; i++) {
            roll -= CARGO_WEIGHTS[i];
            if (roll < 0) {
                return CARGO[i];
            }
        }
        return CARGO[CARGO.length - 1];
    }

    private static int threatCount(SplittableRandom random) {
        double roll = random.nextDouble();
        return roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
    }

    public String sourceLabel() {
        return beams.stream().map(Beam::label).reduce((a, b) -> a + " / " + b).orElseThrow();
    }
}
