package org.opencustoms.inspection.photo;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A photo's pixel size, read from its header without decoding it, so that a small file claiming a huge
 * image (a decompression bomb) is refused before anything tries to draw it.
 */
final class ImageDimensions {

    record Size(long width, long height) {
        long pixels() {
            return width * height;
        }
    }

    private ImageDimensions() {
    }

    /** The size the header declares; empty when the header cannot be read. */
    static Optional<Size> of(Path file, String contentType) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return switch (contentType) {
                case "image/png" -> png(in.readNBytes(24));
                case "image/webp" -> webp(in.readNBytes(30));
                case "image/jpeg" -> jpeg(new DataInputStream(in));
                default -> Optional.empty();
            };
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    /** IHDR is the first chunk: width and height big-endian at bytes 16 and 20. */
    private static Optional<Size> png(byte[] head) {
        if (head.length < 24 || head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
            return Optional.empty();
        }
        return Optional.of(new Size(uint32(head, 16), uint32(head, 20)));
    }

    private static Optional<Size> webp(byte[] head) {
        if (head.length < 30) {
            return Optional.empty();
        }
        String chunk = new String(head, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            // lossy: after the 3-byte frame tag and the start code, 14-bit width and height, little-endian
            case "VP8 " -> Optional.of(new Size(uint16le(head, 26) & 0x3FFF, uint16le(head, 28) & 0x3FFF));
            // lossless: a signature byte, then width-1 and height-1 in 14 bits each
            case "VP8L" -> {
                long bits = (head[21] & 0xFFL) | (head[22] & 0xFFL) << 8 | (head[23] & 0xFFL) << 16 | (head[24] & 0xFFL) << 24;
                yield Optional.of(new Size((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1));
            }
            // extended: the canvas, width-1 and height-1 in 24 bits each
            case "VP8X" -> Optional.of(new Size(uint24le(head, 24) + 1, uint24le(head, 27) + 1));
            default -> Optional.empty();
        };
    }

    /** Walks the markers up to the first start-of-frame, which holds height then width. */
    private static Optional<Size> jpeg(DataInputStream in) throws IOException {
        if (in.readUnsignedShort() != 0xFFD8) {
            return Optional.empty();
        }
        while (true) {
            int marker = in.readUnsignedByte();
            if (marker != 0xFF) {
                return Optional.empty();
            }
            int type = in.readUnsignedByte();
            while (type == 0xFF) {
                type = in.readUnsignedByte();
            }
            if (type == 0xD8 || (type >= 0xD0 && type <= 0xD7) || type == 0x01) {
                continue;
            }
            if (type == 0xD9 || type == 0xDA) {
                return Optional.empty();
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                return Optional.empty();
            }
            boolean startOfFrame = type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC;
            if (startOfFrame) {
                in.readUnsignedByte();
                int height = in.readUnsignedShort();
                int width = in.readUnsignedShort();
                return Optional.of(new Size(width, height));
            }
            in.skipNBytes(length - 2);
        }
    }

    private static long uint32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }

    private static int uint16le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long uint24le(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16;
    }
}
