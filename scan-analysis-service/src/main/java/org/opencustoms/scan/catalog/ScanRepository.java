package org.opencustoms.scan.catalog;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * Scan metadata in PostgreSQL. The ingest runs on worker threads and waits for its answers here;
 * the REST resources use the same methods.
 */
@ApplicationScoped
public class ScanRepository {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String COLUMNS = "scan_id, scanner_id, site, modality, source_energy_mev, isotope, energy_channels, width, height, "
            + "bits_per_pixel, pixel_pitch_mm, air_value, container_numbers, conveyance, inspection_id, acquired_at, total_bytes, "
            + "payload_sha256, status, received_at";

    private final Pool pool;

    @Inject
    public ScanRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts the scan unless its id is already stored; returns the stored record either way. */
    public Inserted insertIfAbsent(ScanRecord scan) {
        RowSet<Row> rows = pool.preparedQuery("insert into scan_analysis.scan (" + COLUMNS + ") values "
                        + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) "
                        + "on conflict (scan_id) do nothing returning scan_id")
                .execute(Tuple.from(Arrays.asList(scan.scanId(), scan.scannerId(), scan.site(), scan.modality(), scan.sourceEnergyMev(),
                        scan.isotope(), (short) scan.energyChannels(), scan.width(), scan.height(), (short) scan.bitsPerPixel(),
                        scan.pixelPitchMm(), scan.airValue(), scan.containerNumbers().toArray(String[]::new), scan.conveyance(),
                        scan.inspectionId(), scan.acquiredAt(), scan.totalBytes(), scan.payloadSha256(), scan.status().name(),
                        scan.receivedAt())))
                .await().atMost(TIMEOUT);
        if (rows.rowCount() == 1) {
            return new Inserted(scan, true);
        }
        return new Inserted(find(scan.scanId()).orElseThrow(() -> new IllegalStateException("scan " + scan.scanId() + " vanished")), false);
    }

    /** Which of these stored objects a scan (its payload) or an analysis (its renditions) still refers to. */
    public Set<String> referencedObjects(Set<String> sha256s) {
        RowSet<Row> rows = pool.preparedQuery("select payload_sha256 from scan_analysis.scan where payload_sha256 = any($1::bpchar[]) "
                        + "union select rendition_sha256 from scan_analysis.scan_analysis where rendition_sha256 = any($1::bpchar[]) "
                        + "union select overlay_sha256 from scan_analysis.scan_analysis where overlay_sha256 = any($1::bpchar[])")
                .execute(Tuple.of(sha256s.toArray(String[]::new)))
                .await().atMost(TIMEOUT);
        Set<String> referenced = new HashSet<>();
        rows.forEach(row -> referenced.add(row.getString(0)));
        return referenced;
    }

    public Optional<ScanRecord> find(String scanId) {
        RowSet<Row> rows = pool.preparedQuery("select " + COLUMNS + " from scan_analysis.scan where scan_id = $1")
                .execute(Tuple.of(scanId))
                .await().atMost(TIMEOUT);
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(toRecord(rows.iterator().next()));
    }

    /** Filters of the scan list; null means any. */
    public record ScanQuery(java.time.Instant from, java.time.Instant to, String scannerId, String site, ScanStatus status, int page, int size) {
    }

    /** Scans received, newest first: which scanner sent what, when, and where it stands. */
    public List<ScanRecord> list(ScanQuery query) {
        RowSet<Row> rows = pool.preparedQuery("select " + COLUMNS + " from scan_analysis.scan "
                        + "where ($1::timestamptz is null or received_at >= $1) and ($2::timestamptz is null or received_at < $2) "
                        + "and ($3::text is null or scanner_id = $3) and ($4::text is null or site = $4) and ($5::text is null or status = $5) "
                        + "order by received_at desc, scan_id limit $6 offset $7")
                .execute(Tuple.from(Arrays.asList(utc(query.from()), utc(query.to()), query.scannerId(), query.site(),
                        query.status() == null ? null : query.status().name(), query.size(), (long) query.page() * query.size())))
                .await().atMost(TIMEOUT);
        List<ScanRecord> scans = new java.util.ArrayList<>();
        rows.forEach(row -> scans.add(toRecord(row)));
        return scans;
    }

    private static java.time.OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    public long count() {
        return pool.query("select count(*) from scan_analysis.scan").execute().await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    static ScanRecord toRecord(Row row) {
        return new ScanRecord(
                row.getString("scan_id"),
                row.getString("scanner_id"),
                row.getString("site"),
                row.getString("modality"),
                row.getDouble("source_energy_mev"),
                row.getString("isotope"),
                row.getShort("energy_channels"),
                row.getInteger("width"),
                row.getInteger("height"),
                row.getShort("bits_per_pixel"),
                row.getDouble("pixel_pitch_mm"),
                row.getInteger("air_value"),
                List.of(row.getArrayOfStrings("container_numbers")),
                row.getString("conveyance"),
                row.getString("inspection_id"),
                row.getOffsetDateTime("acquired_at"),
                row.getLong("total_bytes"),
                row.getString("payload_sha256"),
                ScanStatus.valueOf(row.getString("status")),
                row.getOffsetDateTime("received_at"));
    }

    /** The stored record, and whether this call stored it. */
    public record Inserted(ScanRecord scan, boolean created) {
    }
}
