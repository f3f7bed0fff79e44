package org.opencustoms.scan.scanner;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import org.opencustoms.codes.ContainerNumbers;
import org.opencustoms.proto.scan.v1.PayloadEncoding;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.scan.sim.physics.GammaSource;
import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Modality;
import org.opencustoms.scan.sim.SimulatedScan;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a scanner would send for a simulated scan: the header and the raw little-endian payload. */
public final class SimulatedScanner {

    /** An upload ready to send. */
    public record Acquisition(ScanHeader header, byte[] payload) {
    }

    private static final Pattern LINAC_LABEL = Pattern.compile("linac ([0-9.]+) MeV");

    private final String scannerId;
    private final String site;

    public SimulatedScanner(String scannerId, String site) {
        this.scannerId = scannerId;
        this.site = site;
    }

    public Acquisition acquire(String scanId, SimulatedScan scan, String containerNumber, Instant acquiredAt) {
        byte[] payload = scan.rawPayload();
        ScanHeader.Builder header = ScanHeader.newBuilder()
                .setScanId(scanId)
                .setScannerId(scannerId)
                .setSite(site)
                .setEnergyChannels(scan.isDualEnergy() ? 2 : 1)
                .setWidth(scan.width())
                .setHeight(scan.height())
                .setBitsPerPixel(16)
                .setPixelPitchMm(scan.modality() == Modality.XRAY ? 5.0 : 20.0)
                .addContainerNumbers(containerNumber)
                .setAcquiredAt(Timestamp.newBuilder().setSeconds(acquiredAt.getEpochSecond()).setNanos(acquiredAt.getNano()))
                .setTotalBytes(payload.length)
                .setSha256(ByteString.copyFrom(sha256(payload)))
                .setAirValue(scan.i0())
                .setEncoding(PayloadEncoding.RAW_UINT16_LE);
        if (scan.modality() == Modality.XRAY) {
            header.setModality(org.opencustoms.proto.scan.v1.Modality.XRAY).setSourceEnergyMev(endpointMeV(scan.source()));
        } else {
            header.setModality(org.opencustoms.proto.scan.v1.Modality.GAMMA).setIsotope(isotope(scan.source()));
        }
        return new Acquisition(header.build(), payload);
    }

    /** An ISO 6346 number with owner code SIM, so nobody mistakes it for a real container. */
    public static String containerNumber(long seed) {
        String firstTen = "SIMU" + String.format("%06d", Math.floorMod(seed, 1_000_000L));
        return firstTen + ContainerNumbers.checkDigit(firstTen);
    }

    /** "linac 6 MeV" or "linac 9 MeV / linac 6 MeV": the (first, high) endpoint energy. */
    private static double endpointMeV(String source) {
        Matcher matcher = LINAC_LABEL.matcher(source);
        if (!matcher.lookingAt()) {
            throw new IllegalArgumentException("unknown X-ray source " + source);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static String isotope(String source) {
        for (GammaSource gamma : GammaSource.values()) {
            if (gamma.label().equals(source)) {
                return gamma.label();
            }
        }
        throw new IllegalArgumentException("unknown gamma source " + source);
    }

    private static byte[] sha256(byte[] payload) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(payload);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
