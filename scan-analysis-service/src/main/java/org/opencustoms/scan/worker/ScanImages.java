package org.opencustoms.scan.worker;

import org.opencustoms.scan.analysis.ScanInputException;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.store.PayloadStore;

import java.io.IOException;
import java.io.InputStream;

/** Reads a stored scan's first (high-energy) channel: little-endian 16-bit rows, as the ingest contract defines them. */
final class ScanImages {

    private ScanImages() {
    }

    static Image16 firstChannel(PayloadStore store, ScanRecord scan, int maxMegapixels) throws IOException {
        long pixels = (long) scan.width() * scan.height();
        if (pixels > (long) maxMegapixels * 1_000_000) {
            throw new ScanInputException(String.format("the scan has %.1f megapixels a channel; this service analyses at most %d "
                    + "(scan.analysis.max-megapixels)", pixels / 1e6, maxMegapixels));
        }
        int width = scan.width();
        char[] values = new char[(int) pixels];
        byte[] row = new byte[width * 2];
        try (InputStream in = store.open(scan.payloadSha256(), 0)) {
            for (int y = 0; y < scan.height(); y++) {
                if (in.readNBytes(row, 0, row.length) != row.length) {
                    throw new ScanInputException("the stored payload ends at row " + y + " of " + scan.height());
                }
                int offset = y * width;
                for (int x = 0; x < width; x++) {
                    values[offset + x] = (char) ((row[2 * x] & 0xff) | (row[2 * x + 1] & 0xff) << 8);
                }
            }
        }
        return new Image16(width, scan.height(), values);
    }
}
