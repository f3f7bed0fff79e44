package org.opencustoms.scan.ingest;

import io.grpc.Status;
import org.opencustoms.codes.ContainerNumbers;
import org.opencustoms.proto.scan.v1.Modality;
import org.opencustoms.proto.scan.v1.PayloadEncoding;
import org.opencustoms.proto.scan.v1.ScanHeader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a scan header before a byte of payload is accepted. Every problem is named in one
 * INVALID_ARGUMENT description, so a scanner integrator fixes them all at once; a payload over the
 * configured maximum is RESOURCE_EXHAUSTED instead, because the header itself is fine.
 */
public final class HeaderValidator {

    static final int MAX_DIMENSION = 100_000;
    private static final Pattern SCAN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Set<String> ISOTOPES = Set.of("Co-60", "Cs-137");

    private HeaderValidator() {
    }

    public static void validate(ScanHeader header, long maxScanBytes, Instant now) {
        List<String> problems = new ArrayList<>();
        if (!SCAN_ID.matcher(header.getScanId()).matches()) {
            problems.add("scan_id must be 1-128 characters of letters, digits and . _ : - (got '" + header.getScanId() + "')");
        }
        if (header.getScannerId().isBlank()) {
            problems.add("scanner_id is required");
        }
        if (header.getSite().isBlank()) {
            problems.add("site is required");
        }
        checkSource(header, problems);
        if (header.getBitsPerPixel() != 16) {
            problems.add("bits_per_pixel must be 16 (got " + header.getBitsPerPixel() + ")");
        }
        if (header.getEncoding() != PayloadEncoding.RAW_UINT16_LE) {
            problems.add("encoding must be RAW_UINT16_LE (got " + header.getEncoding() + ")");
        }
        if (header.getWidth() < 1 || header.getWidth() > MAX_DIMENSION || header.getHeight() < 1 || header.getHeight() > MAX_DIMENSION) {
            problems.add("width and height must be between 1 and " + MAX_DIMENSION + " (got " + header.getWidth() + " x " + header.getHeight() + ")");
        }
        if (!(header.getPixelPitchMm() > 0 && header.getPixelPitchMm() <= 100)) {
            problems.add("pixel_pitch_mm must be above 0 and at most 100 (got " + header.getPixelPitchMm() + ")");
        }
        if (header.getAirValue() > 65_535) {
            problems.add("air_value must fit in 16 bits (got " + header.getAirValue() + ")");
        }
        if (header.getContainerNumbersCount() > 4) {
            problems.add("at most 4 container_numbers (got " + header.getContainerNumbersCount() + ")");
        }
        for (String container : header.getContainerNumbersList()) {
            if (!ContainerNumbers.isValid(container)) {
                problems.add("container number '" + container + "' is not an ISO 6346 number with its check digit, such as MSCU1234566");
            }
        }
        if (!header.hasAcquiredAt()) {
            problems.add("acquired_at is required");
        } else if (Instant.ofEpochSecond(header.getAcquiredAt().getSeconds()).isAfter(now.plusSeconds(3600))) {
            problems.add("acquired_at is more than an hour in the future");
        }
        if (header.getSha256().size() != 32) {
            problems.add("sha256 must be the 32-byte SHA-256 of the payload (got " + header.getSha256().size() + " bytes)");
        }
        long expectedBytes = (long) header.getWidth() * header.getHeight() * Math.max(1, header.getEnergyChannels()) * 2;
        if (header.getTotalBytes() != expectedBytes) {
            problems.add("total_bytes " + header.getTotalBytes() + " does not match width x height x energy_channels x 2 = " + expectedBytes);
        }
        if (!problems.isEmpty()) {
            throw Status.INVALID_ARGUMENT.withDescription("invalid scan header: " + String.join("; ", problems)).asRuntimeException();
        }
        if (header.getTotalBytes() > maxScanBytes) {
            throw Status.RESOURCE_EXHAUSTED
                    .withDescription("scan of " + header.getTotalBytes() + " bytes is larger than this service's maximum of " + maxScanBytes + " bytes")
                    .asRuntimeException();
        }
    }

    private static void checkSource(ScanHeader header, List<String> problems) {
        if (header.getModality() == Modality.XRAY) {
            if (!(header.getSourceEnergyMev() > 0 && header.getSourceEnergyMev() <= 20)) {
                problems.add("an X-ray scan needs source_energy_mev above 0 and at most 20 (got " + header.getSourceEnergyMev() + ")");
            }
            if (header.getEnergyChannels() != 1 && header.getEnergyChannels() != 2) {
                problems.add("energy_channels must be 1, or 2 for dual energy (got " + header.getEnergyChannels() + ")");
            }
        } else if (header.getModality() == Modality.GAMMA) {
            if (!ISOTOPES.contains(header.getIsotope())) {
                problems.add("a gamma scan needs isotope Co-60 or Cs-137 (got '" + header.getIsotope() + "')");
            }
            if (header.getEnergyChannels() != 1) {
                problems.add("a gamma scan has one energy channel (got " + header.getEnergyChannels() + ")");
            }
        } else {
            problems.add("unsupported modality " + header.getModality() + ": XRAY or GAMMA");
        }
    }
}
