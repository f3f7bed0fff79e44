package org.opencustoms.selection.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.common.identity.Caller;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.selection.config.TimeSource;
import org.opencustoms.selection.random.Periods;

import java.time.Instant;

/**
 * The public embargo of a random-draw period: its decisions and its seed become public once the period has been
 * over for the configured embargo and (by default) every one of its shipments is closed. The first time a period
 * qualifies, its disclosure is recorded; from then on it stays disclosed.
 */
@ApplicationScoped
public class PeriodDisclosures {

    /** {@code logSize}: the log's size at the disclosure; the public reads the period's entries below it (0 while embargoed). */
    public record PeriodStatus(String period, boolean disclosed, Instant disclosedAt, long logSize, Instant embargoEndsAt,
                               boolean waitingForClosure) {
    }

    private final DisclosureConfig config;
    private final ShipmentClosures closures;
    private final DisclosureRecords records;
    private final TimeSource time;

    public PeriodDisclosures(DisclosureConfig config, ShipmentClosures closures, DisclosureRecords records, TimeSource time) {
        this.config = config;
        this.closures = closures;
        this.records = records;
        this.time = time;
    }

    /** Runs in the caller's transaction: a period that qualifies now is recorded as disclosed. */
    public Uni<PeriodStatus> status(String period) {
        Instant embargoEnds = Periods.end(period).plus(config.publicEmbargo());
        return Panache.getSession().chain(s -> s.find(PeriodDisclosureEntity.class, period)).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new PeriodStatus(period, true, existing.disclosedAt, existing.logSize, embargoEnds, false));
            }
            Instant now = time.now();
            if (now.isBefore(embargoEnds)) {
                return Uni.createFrom().item(new PeriodStatus(period, false, null, 0, embargoEnds, false));
            }
            Uni<Long> open = config.waitForClosure() ? closures.openInPeriod(period) : Uni.createFrom().item(0L);
            return open.chain(count -> count > 0
                    ? Uni.createFrom().item(new PeriodStatus(period, false, null, 0, embargoEnds, true))
                    : disclose(period, now).map(row -> new PeriodStatus(period, true, row.disclosedAt, row.logSize, embargoEnds, false)));
        });
    }

    /** Whether a caller may read a period's decisions now: anyone once disclosed, auditors and supervisors always. */
    public static boolean readable(PeriodStatus status, Caller caller) {
        return status.disclosed() || privileged(caller);
    }

    /** Auditors and supervisors read every decision at any time. */
    public static boolean privileged(Caller caller) {
        return caller.isAny(Roles.AUDITOR, Roles.SUPERVISOR);
    }

    /** Whether a caller may learn a period's seed: anyone once disclosed, auditors and supervisors once it has ended. */
    public boolean seedReadable(PeriodStatus status, Caller caller) {
        return status.disclosed() || (privileged(caller) && Periods.isClosed(status.period(), time.now()));
    }

    /** Records the disclosure once: two requests that find the period ready at the same moment write one row between them. */
    private Uni<PeriodDisclosureEntity> disclose(String period, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into {h-schema}period_disclosure (period, disclosed_at, log_size) "
                        + "select :period, :now, size from {h-schema}decision_log_state on conflict do nothing")
                .setParameter("period", period).setParameter("now", now).executeUpdate())
                .chain(inserted -> inserted == 1 ? records.recordPublic(DisclosureRecords.Kind.PERIOD, period) : Uni.createFrom().voidItem())
                .chain(() -> Panache.getSession().chain(s -> s.find(PeriodDisclosureEntity.class, period)));
    }
}
