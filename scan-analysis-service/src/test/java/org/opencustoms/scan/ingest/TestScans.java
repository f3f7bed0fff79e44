package org.opencustoms.scan.ingest;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import org.opencustoms.proto.scan.v1.Chunk;
import org.opencustoms.proto.scan.v1.Complete;
import org.opencustoms.proto.scan.v1.Modality;
import org.opencustoms.proto.scan.v1.PayloadEncoding;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.proto.scan.v1.UploadRequest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/** Scans for the ingest tests: a test pattern whose left quarter is open beam, darker to the right. */
public final class TestScans {

    public static final int AIR = 60_000;

    private TestScans() {
    }

    public static String newScanId() {
        return "TEST-" + UUID.randomUUID();
    }

    /** A single-channel X-ray pattern of {@code width x height}. */
    public static byte[] pattern(int width, int height) {
        byte[] payload = new byte[width * height * 2];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value = valueAt(x, y, width);
                payload[2 * (y * width + x)] = (byte) value;
                payload[2 * (y * width + x) + 1] = (byte) (value >>> 8);
            }
        }
        return payload;
    }

    /** The same pattern streamed to a file, for payloads too large to build in memory; returns its SHA-256. */
    public static byte[] writePattern(Path file, int width, int height) throws IOException {
        MessageDigest digest = sha256Digest();
        byte[] row = new byte[width * 2];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int value = valueAt(x, y, width);
                    row[2 * x] = (byte) value;
                    row[2 * x + 1] = (byte) (value >>> 8);
                }
                digest.update(row);
                out.write(row);
            }
        }
        return digest.digest();
    }

    private static int valueAt(int x, int y, int width) {
        if (x < width / 4) {
            return AIR;
        }
        int dense = Math.max(1, (int) (AIR * Math.exp(-4.0 * x / width)) - (y % 7));
        return Math.min(65_535, dense);
    }

    public static ScanHeader.Builder header(String scanId, int width, int height, byte[] sha256) {
        return ScanHeader.newBuilder()
                .setScanId(scanId)
                .setScannerId("SIM-PORTAL-1")
                .setSite("USLAX")
                .setModality(Modality.XRAY)
                .setSourceEnergyMev(6.0)
                .setEnergyChannels(1)
                .setWidth(width)
                .setHeight(height)
                .setBitsPerPixel(16)
                .setPixelPitchMm(5.0)
                .addContainerNumbers("MSCU1234566")
                .setConveyance("TRUCK 7ABC123")
                .setAcquiredAt(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()))
                .setTotalBytes((long) width * height * 2)
                .setSha256(ByteString.copyFrom(sha256))
                .setAirValue(AIR)
                .setEncoding(PayloadEncoding.RAW_UINT16_LE);
    }

    public static ScanHeader headerFor(String scanId, int width, int height, byte[] payload) {
        return header(scanId, width, height, sha256(payload)).build();
    }

    public static UploadRequest headerMessage(ScanHeader header) {
        return UploadRequest.newBuilder().setHeader(header).build();
    }

    public static UploadRequest chunk(long offset, byte[] payload, int from, int to) {
        return UploadRequest.newBuilder()
                .setChunk(Chunk.newBuilder().setOffset(offset).setData(ByteString.copyFrom(payload, from, to - from)))
                .build();
    }

    public static UploadRequest complete() {
        return UploadRequest.newBuilder().setComplete(Complete.getDefaultInstance()).build();
    }

    public static byte[] sha256(byte[] payload) {
        return sha256Digest().digest(payload);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
