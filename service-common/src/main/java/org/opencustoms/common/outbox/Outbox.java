package org.opencustoms.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One transactional outbox: the service writes a PENDING row in the transaction of the change it announces;
 * {@link OutboxRelay} claims due rows ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work), delivers
 * them outside any transaction and records each result here. Blocking: call it from worker threads.
 */
public class Outbox {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";
    public static final String DISCARDED = "DISCARDED";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ERROR = 500;

    private final OutboxTable table;
    private final OutboxPolicy policy;
    private final Pool pool;
    private final String claim;
    private final AtomicReference<OutboxStats> stats = new AtomicReference<>(new OutboxStats(0, 0, null));

    public Outbox(OutboxTable table, OutboxPolicy policy, Pool pool, MeterRegistry registry) {
        this.table = table;
        this.policy = policy;
        this.pool = pool;
        this.claim = claimStatement(table);
        Gauge.builder("outbox.pending", stats, s -> s.get().pending()).tag("outbox", table.name())
                .description("messages waiting for delivery").register(registry);
        Gauge.builder("outbox.dead", stats, s -> s.get().dead()).tag("outbox", table.name())
                .description("messages refused for good, waiting for a supervisor to replay or discard them").register(registry);
        Gauge.builder("outbox.oldest.age", stats, s -> s.get().oldestAgeSeconds()).tag("outbox", table.name()).baseUnit("seconds")
                .description("age of the oldest message waiting for delivery").register(registry);
    }

    public String name() {
        return table.name();
    }

    public OutboxPolicy policy() {
        return policy;
    }

    /**
     * Claims up to one batch of due messages for one lease, oldest due first, and of messages that share an
     * ordering key only the first one still pending. Returned in the order they were written.
     */
    public List<OutboxMessage> claimDue() {
        List<OutboxMessage> claimed = new ArrayList<>();
        for (Row row : run(claim, Tuple.of(policy.batch(), seconds(policy.lease())))) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < table.attributes().size(); i++) {
                attributes.put(table.attributes().get(i), row.getString(4 + i));
            }
            claimed.add(new OutboxMessage(row.getLong(0), row.getString(1), row.getInteger(2), instant(row.getOffsetDateTime(3)), attributes));
        }
        claimed.sort(Comparator.comparingLong(OutboxMessage::seq));
        return claimed;
    }

    public void delivered(OutboxMessage message) {
        run("update " + table.table() + " set state = 'DELIVERED', attempts = attempts + 1, delivered_at = now(), last_error = null "
                + "where seq = $1 and state = 'PENDING'", Tuple.of(message.seq()));
    }

    /** Tried again after the policy's backoff. */
    public void failed(OutboxMessage message, String reason) {
        run("update " + table.table() + " set attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3) "
                + "where seq = $1 and state = 'PENDING'", Tuple.of(message.seq(), truncate(reason), seconds(policy.backoff(message.attempts()))));
    }

    /** Refused for good: kept with the reason as a dead letter, never sent again unless replayed. */
    public void dead(OutboxMessage message, String reason) {
        run("update " + table.table() + " set state = 'DEAD', attempts = attempts + 1, last_error = $2 where seq = $1 and state = 'PENDING'",
                Tuple.of(message.seq(), truncate(reason)));
    }

    /** Claimed but not tried in this round: due again now, no attempt counted. */
    public void release(List<OutboxMessage> messages) {
        if (!messages.isEmpty()) {
            run("update " + table.table() + " set next_attempt_at = now() where seq = any($1) and state = 'PENDING'",
                    Tuple.of(messages.stream().map(OutboxMessage::seq).toArray(Long[]::new)));
        }
    }

    public OutboxStats refreshStats() {
        Row row = run("select count(*) filter (where state = 'PENDING'), count(*) filter (where state = 'DEAD'), "
                + "min(created_at) filter (where state = 'PENDING') from " + table.table() + " where state in ('PENDING', 'DEAD')", Tuple.tuple())
                .iterator().next();
        OutboxStats fresh = new OutboxStats(row.getLong(0), row.getLong(1), instant(row.getOffsetDateTime(2)));
        stats.set(fresh);
        return fresh;
    }

    /** The figures of the last {@link #refreshStats()}. */
    public OutboxStats lastStats() {
        return stats.get();
    }

    public List<DeadLetter> deadLetters(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        for (Row row : run("select seq, payload::text, attempts, last_error, created_at from " + table.table()
                + " where state = 'DEAD' order by seq limit $1", Tuple.of(limit))) {
            letters.add(new DeadLetter(row.getLong(0), row.getString(1), row.getInteger(2), row.getString(3), instant(row.getOffsetDateTime(4))));
        }
        return letters;
    }

    /** A dead letter is pending again, its backoff started afresh; false when {@code seq} is no dead letter. */
    public boolean replay(long seq) {
        return run("update " + table.table() + " set state = 'PENDING', attempts = 0, next_attempt_at = now() where seq = $1 and state = 'DEAD'",
                Tuple.of(seq)).rowCount() == 1;
    }

    /** Every dead letter pending again; returns how many. */
    public int replayAll() {
        return run("update " + table.table() + " set state = 'PENDING', attempts = 0, next_attempt_at = now() where state = 'DEAD'",
                Tuple.tuple()).rowCount();
    }

    /** A dead letter is given up on; the row stays, as DISCARDED, for the record. False when {@code seq} is no dead letter. */
    public boolean discard(long seq) {
        return run("update " + table.table() + " set state = 'DISCARDED' where seq = $1 and state = 'DEAD'", Tuple.of(seq)).rowCount() == 1;
    }

    private static String claimStatement(OutboxTable table) {
        String order = table.orderingColumn() == null ? ""
                : " and not exists (select 1 from " + table.table() + " earlier where earlier." + table.orderingColumn() + " = t."
                + table.orderingColumn() + " and earlier.state = 'PENDING' and earlier.seq < t.seq)";
        StringBuilder returning = new StringBuilder("t.seq, t.payload::text, t.attempts, t.created_at");
        table.attributes().forEach(column -> returning.append(", t.").append(column).append("::text"));
        return "with due as (select seq from " + table.table() + " t where t.state = 'PENDING' and t.next_attempt_at <= now()" + order
                + " order by t.next_attempt_at, t.seq limit $1 for update skip locked) "
                + "update " + table.table() + " t set next_attempt_at = now() + make_interval(secs => $2) from due where t.seq = due.seq "
                + "returning " + returning;
    }

    private RowSet<Row> run(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().atMost(TIMEOUT);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String reason) {
        String text = String.valueOf(reason);
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    /** What a supervisor sees of a message refused for good. */
    public record DeadLetter(long id, String payload, int attempts, String lastError, Instant createdAt) {
    }
}
