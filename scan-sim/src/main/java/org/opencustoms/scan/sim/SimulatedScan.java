package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.cargo.CargoKind;
import org.opencustoms.scan.sim.geometry.ContainerSize;
import org.opencustoms.scan.sim.threats.ThreatBox;

import org.opencustoms.scan.imaging.Box;
import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Modality;

import java.util.List;

/**
 * One simulated scan with its ground truth.
 *
 * @param index position in the generated set
 * @param seed the scan's own seed (derived from the set's seed and the index)
 * @param source beam description, e.g. "linac 6 MeV", "linac 9 MeV / linac 6 MeV" or "Co-60"
 * @param i0 open-beam counts shared by all images of the scan
 * @param image the transmission image; the high-energy one for dual energy
 * @param lowEnergy the low-energy image of a dual-energy scan, null otherwise
 * @param cargoSpace the container's inside in pixels
 * @param empty no cargo and no threat
 * @param threat at least one threat projected
 * @param threats one box per threat, in pixels of {@code image}
 */
public record SimulatedScan(int index, long seed, Modality modality, String source, int i0, Image16 image,
        Image16 lowEnergy, ContainerSize container, CargoKind cargo, Box cargoSpace, boolean empty, boolean threat,
        List<ThreatBox> threats) {

    public SimulatedScan {
        threats = List.copyOf(threats);
    }

    public int width() {
        return image.width();
    }

    public int height() {
        return image.height();
    }

    /** The payload a scanner streams: little-endian 16-bit rows, the high-energy plane first, then the low-energy one. */
    public byte[] rawPayload() {
        int plane = image.width() * image.height();
        byte[] payload = new byte[plane * 2 * (isDualEnergy() ? 2 : 1)];
        writeLittleEndian(image.pixels(), payload, 0);
        if (isDualEnergy()) {
            writeLittleEndian(lowEnergy.pixels(), payload, plane * 2);
        }
        return payload;
    }

    private static void writeLittleEndian(char[] pixels, byte[] target, int offset) {
        for (int i = 0; i < pixels.length; i++) {
            target[offset + 2 * i] = (byte) pixels[i];
            target[offset + 2 * i + 1] = (byte) (pixels[i] >>> 8);
        }
    }

    public boolean isDualEnergy() {
        return lowEnergy != null;
    }

    public List<Box> boxes() {
        return threats.stream().map(ThreatBox::box).toList();
    }
}
