package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.cargo.CargoKind;
import org.opencustoms.scan.sim.cargo.Compartments;
import org.opencustoms.scan.sim.cargo.OrganicBricks;
import org.opencustoms.scan.sim.geometry.ContainerGeometry;
import org.opencustoms.scan.sim.geometry.ContainerStructure;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.threats.PlacedThreat;
import org.opencustoms.scan.sim.threats.Shielding;
import org.opencustoms.scan.sim.threats.ThreatKind;
import org.opencustoms.scan.sim.threats.ThreatPlacer;
import org.opencustoms.scan.sim.threats.Weapons;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a scan's scene: the container, hidden compartments (first, since a false front wall
 * pushes the cargo back), the cargo, then free-standing threats placed among the cargo.
 * Each part draws from its own random stream, so leaving threats out changes nothing else.
 */
public final class SceneComposer {

    private static final double[] KIND_WEIGHTS = {0.3, 0.2, 0.3, 0.2};

    private SceneComposer() {
    }

    public static Scene compose(ScanSetup setup, SplittableRandom structureRandom, SplittableRandom cargoRandom,
            SplittableRandom threatRandom) {
        ContainerGeometry geometry = setup.container();
        List<Solid> structure = ContainerStructure.build(geometry, structureRandom);
        boolean small = setup.cargo() == CargoKind.NONE;
        List<ThreatKind> kinds = new ArrayList<>();
        for (int i = 0; i < setup.threatCount(); i++) {
            kinds.add(drawKind(threatRandom));
        }
        List<PlacedThreat> threats = new ArrayList<>();
        double frontReserve = 0;
        for (ThreatKind kind : kinds) {
            if (kind == ThreatKind.HIDDEN_COMPARTMENT) {
                Compartments.Built built = Compartments.build(geometry, threatRandom, small, frontReserve == 0);
                threats.add(built.threat());
                frontReserve += built.frontReserve();
            }
        }
        Extent cargoSpace = withoutFront(geometry, frontReserve);
        List<Solid> cargo = new ArrayList<>();
        setup.cargo().loader().load(cargoSpace, geometry.size().payloadKg() * 1000, cargoRandom, cargo);
        for (ThreatKind kind : kinds) {
            if (kind != ThreatKind.HIDDEN_COMPARTMENT) {
                List<Solid> local = fitting(kind, cargoSpace, small, threatRandom);
                threats.add(ThreatPlacer.place(kind, local, cargoSpace, cargo, threatRandom));
            }
        }
        return new Scene(geometry, geometry.cargoSpace(), setup.cargo(), structure, cargo, threats);
    }

    /** Builds threats of the kind until one fits in the space; a small one always does. */
    private static List<Solid> fitting(ThreatKind kind, Extent space, boolean small, SplittableRandom random) {
        for (int attempt = 0; attempt < 10; attempt++) {
            List<Solid> local = build(kind, random, small || attempt == 9);
            Extent extent = PlacedThreat.coverOf(local);
            if (extent.width() <= space.width() && extent.height() <= space.height()) {
                return local;
            }
        }
        throw new IllegalStateException("no " + kind + " fits in " + space);
    }

    private static List<Solid> build(ThreatKind kind, SplittableRandom random, boolean small) {
        return switch (kind) {
            case WEAPON -> Weapons.build(random, small);
            case SHIELDING -> Shielding.build(random, small);
            case ORGANIC_BRICKS -> OrganicBricks.build(random, small);
            case HIDDEN_COMPARTMENT -> throw new IllegalArgumentException("compartments are built into the container");
        };
    }

    private static ThreatKind drawKind(SplittableRandom random) {
        double roll = random.nextDouble();
        ThreatKind[] kinds = ThreatKind.values();
        for (int i = 0; i < kinds.length; i++) {
            roll -= KIND_WEIGHTS[i];
            if (roll < 0) {
                return kinds[i];
            }
        }
        return kinds[kinds.length - 1];
    }

    private static Extent withoutFront(ContainerGeometry geometry, double reserve) {
        Extent space = geometry.cargoSpace();
        if (reserve <= 0) {
            return space;
        }
        return geometry.doorOnLeft()
                ? new Extent(space.x0(), space.y0(), space.x1() - reserve, space.y1())
                : new Extent(space.x0() + reserve, space.y0(), space.x1(), space.y1());
    }
}
