package org.opencustoms.scan.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.opencustoms.scan.analysis.ScanAnalysis;
import org.opencustoms.scan.analysis.ScanAnalyzer;
import org.opencustoms.scan.analysis.ScanInputException;
import org.opencustoms.scan.analysis.ScanRendition;
import org.opencustoms.scan.catalog.AnalysisRepository;
import org.opencustoms.scan.catalog.Claim;
import org.opencustoms.scan.catalog.ClaimLostException;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.catalog.StoredAnalysis;
import org.opencustoms.scan.findings.ScanFinding;
import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Modality;
import org.opencustoms.scan.store.PayloadStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Analyses one claimed scan on the calling worker thread: reads its first channel from the store, runs
 * the models, renders the display images into the store, then records the analysis, the scan's new
 * status and the finding for inspection-service in one transaction.
 */
@ApplicationScoped
public class AnalysisJob {

    private static final Logger LOG = Logger.getLogger(AnalysisJob.class);

    private final PayloadStore store;
    private final AnalysisRepository repository;
    private final AnalysisConfig config;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final DistributionSummary millisPerMegapixel;

    public AnalysisJob(PayloadStore store, AnalysisRepository repository, AnalysisConfig config, ObjectMapper json, MeterRegistry registry) {
        this.store = store;
        this.repository = repository;
        this.config = config;
        this.json = json;
        this.registry = registry;
        this.millisPerMegapixel = DistributionSummary.builder("scan.analysis.millis.per.megapixel")
                .description("Time in the models and OpenCV per megapixel of scan (rendition and storage excluded)")
                .publishPercentiles(0.5, 0.95)
                .register(registry);
    }

    public void analyse(Claim claim, ScanAnalyzer analyzer) {
        ScanRecord scan = claim.scan();
        if (!repository.start(claim)) {
            LOG.infof("scan %s was taken over by another claim before this worker started on it", scan.scanId());
            return;
        }
        long start = System.nanoTime();
        String outcome = "analysed";
        try {
            record(claim, analyzer, start);
        } catch (ClaimLostException e) {
            outcome = "superseded";
            LOG.warn(e.getMessage());
        } catch (ScanInputException e) {
            outcome = "rejected";
            LOG.infof("scan %s cannot be analysed: %s", scan.scanId(), e.getMessage());
            repository.recordRejected(claim, e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            outcome = "broken";
            LOG.errorf(e, "the analysis of scan %s broke", scan.scanId());
            repository.recordBroken(claim, e.getClass().getSimpleName() + ": " + e.getMessage(), config.maxAttempts());
        } finally {
            Timer.builder("scan.analysis.duration").description("Scan analyses from claim to stored result")
                    .tag("modality", scan.modality()).tag("outcome", outcome)
                    .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void record(Claim claim, ScanAnalyzer analyzer, long start) throws IOException {
        ScanRecord scan = claim.scan();
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Image16 image = ScanImages.firstChannel(store, scan, config.maxMegapixels());
        Modality modality = Modality.valueOf(scan.modality());
        ScanAnalyzer.Rendered rendered = analyzer.analyseAndRender(image, modality, scan.airValue(), config.renditionWidth());
        ScanAnalysis analysis = rendered.analysis();
        millisPerMegapixel.record(analysis.timings().totalMillis() / analysis.timings().megapixels());
        long storing = System.nanoTime();
        String plain = storePng(rendered.rendition().plainPng());
        String overlay = storePng(rendered.rendition().overlayPng());
        double renditionMillis = rendered.renditionMillis() + (System.nanoTime() - storing) / 1e6;
        ScanRendition rendition = rendered.rendition();
        StoredAnalysis stored = new StoredAnalysis(scan.scanId(), analysis.modelVersion(), analysis.threatScore(), analysis.emptyScore(),
                analysis.regions(), analysis.timings(), renditionMillis,
                Math.max(0, Duration.between(scan.receivedAt(), startedAt).toNanos() / 1e6),
                rendition.width(), rendition.height(), plain, overlay, OffsetDateTime.now(ZoneOffset.UTC));
        String finding = ScanFinding.of(scan, stored).map(this::write).orElse(null);
        repository.recordAnalysed(claim, stored, finding, scan.inspectionId());
        LOG.debugf("scan %s analysed in %.0f ms: threat %.3f, empty %.3f, %d regions", scan.scanId(),
                (System.nanoTime() - start) / 1e6, analysis.threatScore(), analysis.emptyScore(), analysis.regions().size());
    }

    /** PNGs go to the payload store under their SHA-256, like the scans, so they share its durability and its replacement by S3. */
    private String storePng(byte[] png) throws IOException {
        String sha256 = sha256(png);
        // put even when the store has it: a reused object's age starts over, so the orphan sweep leaves it alone
        Path staged = Files.createTempFile(store.stagingDirectory(), "rendition-", ".png");
        try {
            Files.write(staged, png);
            store.put(staged, sha256);
        } finally {
            Files.deleteIfExists(staged);
        }
        return sha256;
    }

    private String write(ScanFinding finding) {
        try {
            return json.writeValueAsString(finding);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
