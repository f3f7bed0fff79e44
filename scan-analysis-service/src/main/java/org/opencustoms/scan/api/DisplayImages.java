package org.opencustoms.scan.api;

import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.store.PayloadStore;

import java.io.IOException;
import java.io.InputStream;

/**
 * Display renditions of stored scans, rendered once per scan, channel and width and then served from a
 * bounded cache: tablets ask for the same image again and again, and each rendering reads the whole scan.
 */
@ApplicationScoped
public class DisplayImages {

    private final PayloadStore store;

    public DisplayImages(PayloadStore store) {
        this.store = store;
    }

    @CacheResult(cacheName = "display-images")
    public byte[] png(@CacheKey String payloadSha256, @CacheKey boolean lowEnergy, @CacheKey int width, ScanRecord scan) throws IOException {
        long planeBytes = (long) scan.width() * scan.height() * 2;
        try (InputStream raw = store.open(payloadSha256, lowEnergy ? planeBytes : 0)) {
            return DisplayRendition.renderPng(raw, scan.width(), scan.height(), scan.airValue(), Math.min(width, scan.width()));
        }
    }
}
