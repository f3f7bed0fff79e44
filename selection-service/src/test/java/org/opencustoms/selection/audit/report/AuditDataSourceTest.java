package org.opencustoms.selection.audit.report;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the reports' SQL counts, on decisions written straight into the tables with the timestamps, ports and
 * amendments a test needs, in a period long past and at ports of their own (removed after each test). Their log
 * indices are negative, below any real entry, so a report's tree size decides which of them it sees.
 */
@QuarkusTest
class AuditDataSourceTest {

    private static final Instant DAY = Instant.parse("2021-03-04T00:00:00Z");
    private static final AuditScope MARCH = new AuditScope(Instant.parse("2021-03-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z"), null);
    private static final long EVERY_INDEX = Long.MAX_VALUE;

    @Inject
    Pool database;

    @Inject
    AuditDataSource data;

    private final String port = "UZ" + letters(3);
    private final String otherPort = "UY" + letters(3);
    private long nextIndex = -ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);

    @AfterEach
    void removeTheDecisions() {
        for (String sql : List.of("DELETE FROM selection.selection_decision WHERE port IN ($1, $2)",
                "DELETE FROM selection.isf_filing_version WHERE filing_id IN (SELECT id FROM selection.isf_filing WHERE port_of_arrival IN ($1, $2))",
                "DELETE FROM selection.isf_filing WHERE port_of_arrival IN ($1, $2)")) {
            database.preparedQuery(sql).execute(Tuple.of(port, otherPort)).await().indefinitely();
        }
    }

    /** R's quantile(1:100, type = 7): 50.5 and 95.05; each filing's time from receipt to decision in whole milliseconds. */
    @Test
    void latencyPercentilesAreRsType7OverEachFilingsMilliseconds() {
        for (int millis = 1; millis <= 100; millis++) {
            UUID filing = filing(port, "PARTY-" + millis, DAY.plusSeconds(millis));
            // 0.4 ms more, which the whole milliseconds drop
            decision(filing, port, DAY.plusSeconds(millis).plusMillis(millis).plusNanos(400_000), null, 0L);
        }

        KpiReport.Latency latency = data.byDay(scopeAt(port), EVERY_INDEX, Instant.now()).await().indefinitely().latency();

        assertEquals(100, latency.count());
        assertEquals(50.5, latency.p50(), 1e-9);
        assertEquals(95.05, latency.p95(), 1e-9);
    }

    @Test
    void aFilingCountsOnceAtThePortItsLatestDecisionInThePeriodSentItTo() {
        UUID filing = filing(port, "PARTY-A", DAY);
        UUID first = decision(filing, port, DAY.plusSeconds(1), null, 0L);
        Instant amended = DAY.plusSeconds(3_600);
        decision(filing, otherPort, amended, first, 0L);
        long beforeTheAmendment = nextIndex - 1;

        assertEquals(0, filings(scopeAt(port), EVERY_INDEX), "superseded in the period");
        assertEquals(1, filings(scopeAt(otherPort), EVERY_INDEX));
        assertEquals(1, filings(new AuditScope(MARCH.from(), amended, port), EVERY_INDEX), "the amendment came after the period");
        assertEquals(1, filings(scopeAt(port), beforeTheAmendment), "the amendment is not in the log at that size");
        assertEquals(0, filings(scopeAt(otherPort), beforeTheAmendment));
    }

    @Test
    void aDecisionWithoutItsPriorFilingsCountedIsFirstTimeWhenThePartyNeverFiledBefore() {
        String party = "PARTY-" + letters(8);
        decision(filing(port, party, DAY), port, DAY.plusSeconds(1), null, null);
        decision(filing(port, party, DAY.plusSeconds(60)), port, DAY.plusSeconds(61), null, null);
        decision(filing(port, party, DAY.plusSeconds(120)), port, DAY.plusSeconds(121), null, 2L);

        List<AuditedFiling> counted = data.byGroup(scopeAt(port), EVERY_INDEX, Instant.now(), GroupBy.FIRST_TIME_IMPORTER)
                .await().indefinitely();

        assertEquals(1, counted.stream().filter(AuditedFiling::firstTimeImporter).mapToLong(AuditedFiling::count).sum());
        assertEquals(2, counted.stream().filter(f -> !f.firstTimeImporter()).mapToLong(AuditedFiling::count).sum());
    }

    private long filings(AuditScope scope, long treeSize) {
        return AuditedFiling.total(data.byPick(scope, treeSize, Instant.now()).await().indefinitely());
    }

    private static AuditScope scopeAt(String port) {
        return new AuditScope(MARCH.from(), MARCH.to(), port);
    }

    private UUID filing(String at, String party, Instant received) {
        UUID id = UUID.randomUUID();
        database.preparedQuery("INSERT INTO selection.isf_filing (id, filing_type, status, current_version, vessel_key, port_of_arrival, "
                        + "first_filed_at, last_changed_at, party_key) VALUES ($1, 'ISF_10', 'ACCEPTED', 1, 'V', $2, $3, $3, $4)")
                .execute(Tuple.of(id, at, received.atOffset(ZoneOffset.UTC), party)).await().indefinitely();
        database.preparedQuery("INSERT INTO selection.isf_filing_version (id, filing_id, version, received_at, status, document, warnings, "
                        + "filing_deadline, filed_late, amended_after_lading, stuffing_items_outstanding, stuffing_items_late) "
                        + "VALUES ($1, $2, 1, $3, 'ACCEPTED', '{}', '[]', $3, false, false, false, false)")
                .execute(Tuple.of(UUID.randomUUID(), id, received.atOffset(ZoneOffset.UTC))).await().indefinitely();
        return id;
    }

    private UUID decision(UUID filing, String at, Instant decided, UUID supersedes, Long priorFilings) {
        UUID id = UUID.randomUUID();
        int version = supersedes == null ? 1 : 2;
        if (version == 2) {
            database.preparedQuery("INSERT INTO selection.isf_filing_version (id, filing_id, version, received_at, status, document, "
                            + "warnings, filing_deadline, filed_late, amended_after_lading, stuffing_items_outstanding, stuffing_items_late) "
                            + "VALUES ($1, $2, 2, $3, 'ACCEPTED', '{}', '[]', $3, false, false, false, false)")
                    .execute(Tuple.of(UUID.randomUUID(), filing, decided.atOffset(ZoneOffset.UTC))).await().indefinitely();
        }
        database.preparedQuery("INSERT INTO selection.selection_decision (id, filing_id, filing_version, decided_at, port, lane, risk_score, "
                        + "rule_score, model_version, rule_set_version, picked_by_risk, picked_at_random, random_period, random_rate, "
                        + "random_draw, pick_probability, reasons, supersedes, log_index, party_prior_filings) "
                        + "VALUES ($1, $2, $3, $4, $5, 'RELEASE', 0, 0, 'test', 1, false, false, '2021-03-04', 0.02, '00', 0.02, '[]', $6, $7, $8)")
                .execute(Tuple.from(Arrays.asList(id, filing, version, decided.atOffset(ZoneOffset.UTC), at, supersedes, nextIndex++,
                        priorFilings)))
                .await().indefinitely();
        return id;
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
