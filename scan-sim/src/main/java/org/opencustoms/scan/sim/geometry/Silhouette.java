package org.opencustoms.scan.sim.geometry;

import org.opencustoms.scan.sim.physics.Material;

import java.util.ArrayList;
import java.util.List;

/**
 * A flat object drawn as parts in its own frame (u along its long axis, v across it), then
 * scaled, mirrored, tilted out of the image plane and turned. Tilting about the long axis
 * foreshortens the v direction by cos(tilt), widens each part by its thickness times sin(tilt)
 * and lengthens the path through it, as a real object lying at an angle would.
 */
public final class Silhouette {

    /** One part: a box, or a round rod when {@code round} (its height is then the diameter). */
    public record Part(Material material, double density, double u, double v, double length, double height,
            double angle, double thickness, boolean round) {

        public static Part box(Material material, double density, double u, double v, double length, double height,
                double angle, double thickness) {
            return new Part(material, density, u, v, length, height, angle, thickness, false);
        }

        public static Part rod(Material material, double density, double u, double v, double length, double diameter,
                double angle) {
            return new Part(material, density, u, v, length, diameter, angle, diameter, true);
        }
    }

    private final List<Part> parts = new ArrayList<>();

    public Silhouette add(Part part) {
        parts.add(part);
        return this;
    }

    /**
     * @param tilt rotation about the long axis, 0 (lying flat, facing the beam) to below pi/2
     */
    public List<Solid> place(double centerX, double centerY, double scale, boolean mirror, double tilt, double rotation) {
        double squash = Math.cos(tilt);
        double widen = Math.sin(tilt);
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        List<Solid> solids = new ArrayList<>();
        for (Part part : parts) {
            double v = (mirror ? -part.v() : part.v()) * squash;
            double u = part.u();
            double x = centerX + scale * (u * cos - v * sin);
            double y = centerY + scale * (u * sin + v * cos);
            double angle = mirror ? -part.angle() : part.angle();
            double axisU = Math.cos(angle);
            double axisV = Math.sin(angle) * squash;
            double normalU = -Math.sin(angle);
            double normalV = Math.cos(angle) * squash;
            double length = scale * part.length() * Math.hypot(axisU, axisV);
            double turned = Math.atan2(axisV, axisU) + rotation;
            double thickness = scale * part.thickness();
            if (part.round()) {
                solids.add(Rod.turned(part.material(), part.density(), x, y, length, scale * part.height() / 2, 0,
                        turned));
                continue;
            }
            double height = scale * part.height() * Math.hypot(normalU, normalV) + thickness * widen;
            double path = Math.min(thickness / Math.max(squash, 0.25), scale * part.height() / Math.max(widen, 1e-3));
            solids.add(Cuboid.turned(part.material(), part.density(), x, y, length, height, turned,
                    Math.max(path, thickness)));
        }
        return solids;
    }
}
