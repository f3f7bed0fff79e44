package org.opencustoms.scan.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.scan.analysis.ScanAnalysis;
import org.opencustoms.scan.analysis.ThreatClass;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The analysis queue and its results. The queue is the scan table: a worker claims the oldest QUEUED
 * scans ({@code for update skip locked}, so replicas never take the same scan), and a claim that
 * outlives its lease (a crashed process) puts the scan back. Called from worker threads, never from
 * the event loop: it waits for PostgreSQL's answers.
 */
@ApplicationScoped
public class AnalysisRepository {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String ANALYSIS_COLUMNS = "scan_id, model_version, threat_score, empty_score, regions, preprocess_millis, "
            + "threat_millis, empty_millis, rendition_millis, megapixels, waited_millis, rendition_width, rendition_height, "
            + "rendition_sha256, overlay_sha256, analysed_at";
    /** The scan is still under this claim ($1 scan id, $2 attempt): nobody took it over after its lease ran out. */
    private static final String OWNED = "scan_id = $1 and status = 'ANALYSING' and analysis_attempts = $2";
    private static final TypeReference<List<StoredRegion>> REGIONS = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper json;

    public AnalysisRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Marks up to {@code limit} of the oldest queued scans ANALYSING for this process and returns them, oldest first. */
    public List<Claim> claimQueued(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        RowSet<Row> rows = pool.preparedQuery("update scan_analysis.scan set status = 'ANALYSING', analysis_started_at = now(), "
                        + "analysis_attempts = analysis_attempts + 1 where scan_id in (select scan_id from scan_analysis.scan "
                        + "where status = 'QUEUED' order by received_at limit $1 for update skip locked) returning " + ScanRepository.COLUMNS
                        + ", analysis_attempts")
                .execute(Tuple.of(limit))
                .await().atMost(TIMEOUT);
        List<Claim> claimed = new ArrayList<>();
        rows.forEach(row -> claimed.add(new Claim(ScanRepository.toRecord(row), row.getShort("analysis_attempts"))));
        claimed.sort((a, b) -> a.scan().receivedAt().compareTo(b.scan().receivedAt()));
        return claimed;
    }

    /** A worker starts on the claim: the lease runs from now, not from the claim (the scan may have waited in memory). */
    public boolean start(Claim claim) {
        return pool.preparedQuery("update scan_analysis.scan set analysis_started_at = now() where " + OWNED)
                .execute(Tuple.of(claim.scan().scanId(), claim.attempt()))
                .await().atMost(TIMEOUT).rowCount() == 1;
    }

    /**
     * Scans whose claim outlived {@code lease} go back to the queue, or fail once they have had
     * {@code maxAttempts}: a scan that kills its worker every time must not kill the service forever.
     */
    public int reclaimExpired(Duration lease, int maxAttempts) {
        String expired = "status = 'ANALYSING' and analysis_started_at < now() - make_interval(secs => $1)";
        int failed = pool.preparedQuery("update scan_analysis.scan set status = 'FAILED', analysis_error = $2 where " + expired
                        + " and analysis_attempts - analysis_forgiven >= $3")
                .execute(Tuple.of((double) lease.toSeconds(), "the analysis did not finish in " + maxAttempts + " attempts", maxAttempts))
                .await().atMost(TIMEOUT).rowCount();
        int requeued = pool.preparedQuery("update scan_analysis.scan set status = 'QUEUED', analysis_started_at = null where " + expired)
                .execute(Tuple.of((double) lease.toSeconds()))
                .await().atMost(TIMEOUT).rowCount();
        return failed + requeued;
    }

    /**
     * Scans whose analysis was cut short by the shutdown go back to the queue, the attempt forgiven. Their attempt
     * number stays, so the next claim's is higher and a result the cut-short worker still finishes cannot be recorded.
     */
    public void releaseRunning(List<String> scanIds) {
        if (scanIds.isEmpty()) {
            return;
        }
        pool.preparedQuery("update scan_analysis.scan set status = 'QUEUED', analysis_started_at = null, "
                        + "analysis_forgiven = analysis_forgiven + 1 where status = 'ANALYSING' and scan_id = any($1)")
                .execute(Tuple.of(scanIds.toArray(String[]::new)))
                .await().atMost(TIMEOUT);
    }

    /** Claimed scans this process never started (it is shutting down) go back to the queue; no worker holds them. */
    public void release(List<String> scanIds) {
        if (scanIds.isEmpty()) {
            return;
        }
        pool.preparedQuery("update scan_analysis.scan set status = 'QUEUED', analysis_started_at = null, "
                        + "analysis_attempts = greatest(analysis_attempts - 1, 0) where status = 'ANALYSING' and scan_id = any($1)")
                .execute(Tuple.of(scanIds.toArray(String[]::new)))
                .await().atMost(TIMEOUT);
    }

    /**
     * Stores the analysis, marks the scan ANALYSED and queues its finding for inspection-service, in one
     * transaction; nothing is stored when the claim was lost meanwhile.
     *
     * @throws ClaimLostException when another claim has taken the scan over
     */
    public void recordAnalysed(Claim claim, StoredAnalysis analysis, String findingJson, String inspectionId) {
        Tuple values = Tuple.from(Arrays.asList(analysis.scanId(), analysis.modelVersion(), analysis.threatScore(), analysis.emptyScore(),
                new JsonArray(write(analysis.regions())), analysis.timings().preprocessMillis(), analysis.timings().threatMillis(),
                analysis.timings().emptyMillis(), analysis.renditionMillis(), analysis.timings().megapixels(), analysis.waitedMillis(),
                analysis.renditionWidth(), analysis.renditionHeight(), analysis.renditionSha256(), analysis.overlaySha256(),
                analysis.analysedAt()));
        pool.withTransaction(connection -> connection.preparedQuery("update scan_analysis.scan set status = 'ANALYSED', "
                                + "analysis_error = null where " + OWNED)
                        .execute(Tuple.of(analysis.scanId(), claim.attempt()))
                        .invoke(updated -> {
                            if (updated.rowCount() != 1) {
                                throw new ClaimLostException(analysis.scanId());
                            }
                        })
                        .chain(() -> connection.preparedQuery("insert into scan_analysis.scan_analysis (" + ANALYSIS_COLUMNS
                                        + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
                                        + "on conflict (scan_id) do nothing")
                                .execute(values))
                        .chain(() -> findingJson == null ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                                : connection.preparedQuery("insert into scan_analysis.finding_delivery (scan_id, payload, inspection_id, state, "
                                                + "next_attempt_at) values ($1, $2, $3, 'PENDING', now()) on conflict (scan_id) do nothing")
                                        .execute(Tuple.of(analysis.scanId(), new JsonObject(findingJson), inspectionId)).replaceWithVoid()))
                .await().atMost(TIMEOUT);
    }

    /** The scan cannot be analysed as it is (its input is wrong): FAILED with the reason, never retried. */
    public void recordRejected(Claim claim, String reason) {
        pool.preparedQuery("update scan_analysis.scan set status = 'FAILED', analysis_error = $3 where " + OWNED)
                .execute(Tuple.of(claim.scan().scanId(), claim.attempt(), reason))
                .await().atMost(TIMEOUT);
    }

    /** The analysis broke for a reason that may pass: back to the queue, or FAILED after {@code maxAttempts}. */
    public void recordBroken(Claim claim, String reason, int maxAttempts) {
        pool.preparedQuery("update scan_analysis.scan set analysis_error = $3, analysis_started_at = null, "
                        + "status = case when analysis_attempts - analysis_forgiven >= $4 then 'FAILED' else 'QUEUED' end where " + OWNED)
                .execute(Tuple.of(claim.scan().scanId(), claim.attempt(), reason, maxAttempts))
                .await().atMost(TIMEOUT);
    }

    public Optional<StoredAnalysis> find(String scanId) {
        RowSet<Row> rows = pool.preparedQuery("select " + ANALYSIS_COLUMNS + " from scan_analysis.scan_analysis where scan_id = $1")
                .execute(Tuple.of(scanId))
                .await().atMost(TIMEOUT);
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(toAnalysis(rows.iterator().next()));
    }

    /** Why the scan's analysis failed or was retried, if it did. */
    public Optional<String> error(String scanId) {
        RowSet<Row> rows = pool.preparedQuery("select analysis_error from scan_analysis.scan where scan_id = $1")
                .execute(Tuple.of(scanId))
                .await().atMost(TIMEOUT);
        return rows.rowCount() == 0 ? Optional.empty() : Optional.ofNullable(rows.iterator().next().getString(0));
    }

    /** Scans waiting in PostgreSQL for a worker. */
    public long queued() {
        return pool.query("select count(*) from scan_analysis.scan where status = 'QUEUED'").execute()
                .await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    private StoredAnalysis toAnalysis(Row row) {
        return new StoredAnalysis(
                row.getString("scan_id"),
                row.getString("model_version"),
                row.getDouble("threat_score"),
                row.getDouble("empty_score"),
                read(((JsonArray) row.getValue("regions")).encode()),
                new ScanAnalysis.Timings(row.getDouble("preprocess_millis"), row.getDouble("threat_millis"), row.getDouble("empty_millis"),
                        row.getDouble("megapixels")),
                row.getDouble("rendition_millis"),
                row.getDouble("waited_millis"),
                row.getInteger("rendition_width"),
                row.getInteger("rendition_height"),
                row.getString("rendition_sha256"),
                row.getString("overlay_sha256"),
                row.getOffsetDateTime("analysed_at"));
    }

    /** The {@code regions} column's document (package-private for its test). */
    String write(List<ScanAnalysis.Region> regions) {
        try {
            return json.writeValueAsString(regions.stream().map(StoredRegion::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<ScanAnalysis.Region> read(String regions) {
        try {
            return json.readValue(regions, REGIONS).stream().map(StoredRegion::toRegion).toList();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("stored regions are not readable: " + e.getMessage(), e);
        }
    }

    /**
     * A region as the {@code regions} jsonb column holds it: the threat class by its wire name ({@code firearm}, ...),
     * so the stored documents do not depend on the enum's Java names. Regions stored before the detector told
     * threat classes apart have none, and read back with a null class.
     */
    record StoredRegion(int x, int y, int width, int height, double score, String threatClass) {

        static StoredRegion of(ScanAnalysis.Region region) {
            return new StoredRegion(region.x(), region.y(), region.width(), region.height(), region.score(),
                    region.threatClass() == null ? null : region.threatClass().wireName());
        }

        ScanAnalysis.Region toRegion() {
            return new ScanAnalysis.Region(x, y, width, height, score, ThreatClass.fromWireName(threatClass));
        }
    }
}
