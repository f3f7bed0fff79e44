package org.opencustoms.scan.catalog;

import com.google.protobuf.Timestamp;
import org.opencustoms.proto.scan.v1.ScanHeader;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/** The metadata of a stored scan, as kept in PostgreSQL; the payload is in the store under its SHA-256. */
public record ScanRecord(
        String scanId,
        String scannerId,
        String site,
        String modality,
        Double sourceEnergyMev,
        String isotope,
        int energyChannels,
        int width,
        int height,
        int bitsPerPixel,
        double pixelPitchMm,
        int airValue,
        List<String> containerNumbers,
        String conveyance,
        String inspectionId,
        OffsetDateTime acquiredAt,
        long totalBytes,
        String payloadSha256,
        ScanStatus status,
        OffsetDateTime receivedAt) {

    /** I0 when the scanner does not send one (the image convention in docs/scan-simulator.md). */
    public static final int DEFAULT_AIR_VALUE = 60_000;

    /** The record of a validated header whose payload has just been stored. */
    public static ScanRecord received(ScanHeader header, Instant now) {
        boolean xray = header.getModality() == org.opencustoms.proto.scan.v1.Modality.XRAY;
        return new ScanRecord(
                header.getScanId(),
                header.getScannerId(),
                header.getSite(),
                header.getModality().name(),
                xray ? header.getSourceEnergyMev() : null,
                xray ? null : header.getIsotope(),
                header.getEnergyChannels(),
                header.getWidth(),
                header.getHeight(),
                header.getBitsPerPixel(),
                header.getPixelPitchMm(),
                header.getAirValue() == 0 ? DEFAULT_AIR_VALUE : header.getAirValue(),
                List.copyOf(header.getContainerNumbersList()),
                blankToNull(header.getConveyance()),
                blankToNull(header.getInspectionId()),
                utc(header.getAcquiredAt()),
                header.getTotalBytes(),
                HexFormat.of().formatHex(header.getSha256().toByteArray()),
                ScanStatus.QUEUED,
                now.atOffset(ZoneOffset.UTC));
    }

    private static OffsetDateTime utc(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
