package org.opencustoms.selection.disclosure;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.common.identity.Caller;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.selection.config.Sequentially;
import org.opencustoms.selection.log.DecisionLog;
import org.opencustoms.selection.log.LogEntryEntity;
import org.opencustoms.selection.random.Periods;
import org.opencustoms.selection.random.SeedEntity;
import org.opencustoms.selection.random.SeedRepository;
import org.opencustoms.selection.random.SeedService;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** What the log discloses of whole periods, and to whom: the public after the embargo, auditors and supervisors at once. */
@ApplicationScoped
public class Transparency {

    public record PeriodSummary(String period, boolean disclosed, Instant disclosedAt, Instant embargoEndsAt, boolean waitingForClosure,
                                PeriodFigures figures) {
    }

    /** A log entry with what it commits to; content and salt are absent for an entry written before commitments. */
    public record DisclosedEntry(long index, String leafHash, int format, String envelope, String content, String salt) {
    }

    /**
     * The period's entries below {@code logSize}: for the public the log's size at the disclosure (an amendment logged
     * later stays embargoed), for auditors and supervisors its size now. A verifier expects every leaf of the period
     * below that size here, and a tree head at least that large.
     */
    public record PeriodDecisions(String period, String seedHex, String seedCommitment, long logSize, List<DisclosedEntry> entries) {
    }

    private final SeedRepository seeds;
    private final PeriodDisclosures disclosures;
    private final ShipmentClosures closures;
    private final DisclosureRecords records;
    private final DecisionLog log;

    public Transparency(SeedRepository seeds, PeriodDisclosures disclosures, ShipmentClosures closures, DisclosureRecords records,
                        DecisionLog log) {
        this.seeds = seeds;
        this.disclosures = disclosures;
        this.closures = closures;
        this.records = records;
        this.log = log;
    }

    @WithTransaction
    public Uni<List<PeriodSummary>> periods(int limit) {
        return seeds.newestFirst(limit).chain(list -> Sequentially.map(list, seed -> disclosures.status(seed.period)
                .chain(status -> status.disclosed()
                        ? closures.shipmentsOf(seed.period, status.logSize()).map(PeriodFigures::of).map(figures -> summary(status, figures))
                        : Uni.createFrom().item(summary(status, null)))));
    }

    private static PeriodSummary summary(PeriodDisclosures.PeriodStatus status, PeriodFigures figures) {
        return new PeriodSummary(status.period(), status.disclosed(), status.disclosedAt(), status.embargoEndsAt(),
                status.waitingForClosure(), figures);
    }

    @WithTransaction
    public Uni<PeriodDecisions> decisions(String period, Caller caller) {
        validate(period);
        return seeds.findById(period).onItem().ifNull().failWith(() -> ProblemException.notFound("random-draw period", period))
                .chain(seed -> disclosures.status(period).chain(status -> {
                    if (!PeriodDisclosures.readable(status, caller)) {
                        throw embargoed(status);
                    }
                    boolean withSeed = disclosures.seedReadable(status, caller);
                    boolean privileged = PeriodDisclosures.privileged(caller);
                    Uni<Void> recorded = privileged ? records.record(DisclosureRecords.Kind.PERIOD, period, caller) : Uni.createFrom().voidItem();
                    return recorded.chain(() -> privileged ? log.size() : Uni.createFrom().item(status.logSize()))
                            .chain(below -> log.inPeriod(period).map(entries -> new PeriodDecisions(period,
                                    withSeed ? HexFormat.of().formatHex(seed.seed) : null, seed.commitment, below, entries.stream()
                                            .filter(e -> e.logIndex < below).map(e -> entry(e, privileged)).toList())));
                }));
    }

    /** The published seeds: commitments always, the seed itself where {@link PeriodDisclosures#seedReadable} allows. */
    @WithTransaction
    public Uni<List<SeedService.PublishedSeed>> seeds(int limit, Caller caller) {
        return seeds.newestFirst(limit).chain(list -> Sequentially.map(list, seed -> seed(seed, caller)));
    }

    @WithTransaction
    public Uni<SeedService.PublishedSeed> seed(String period, Caller caller) {
        validate(period);
        return seeds.findById(period).onItem().ifNull().failWith(() -> ProblemException.notFound("random-draw period", period))
                .chain(seed -> seed(seed, caller));
    }

    private Uni<SeedService.PublishedSeed> seed(SeedEntity seed, Caller caller) {
        return disclosures.status(seed.period).chain(status -> {
            boolean revealed = disclosures.seedReadable(status, caller);
            Uni<Void> recorded = revealed && !status.disclosed()
                    ? records.record(DisclosureRecords.Kind.SEED, seed.period, caller) : Uni.createFrom().voidItem();
            return recorded.replaceWith(SeedService.publish(seed, revealed));
        });
    }

    /** Whether the caller may recompute a period's draws: the seed must be readable to them. */
    /** Returns the log size below which the caller may check the period's decisions (null: all of them). */
    @WithTransaction
    public Uni<Long> requireDrawsReadable(String period, Caller caller) {
        validate(period);
        return disclosures.status(period).chain(status -> {
            if (!disclosures.seedReadable(status, caller)) {
                throw embargoed(status);
            }
            if (PeriodDisclosures.privileged(caller)) {
                return records.record(DisclosureRecords.Kind.DRAWS, period, caller).replaceWith((Long) null);
            }
            return Uni.createFrom().item(status.logSize());
        });
    }

    private static DisclosedEntry entry(LogEntryEntity e, boolean privileged) {
        Base64.Encoder b64 = Base64.getEncoder();
        if (e.format == 2) {
            return new DisclosedEntry(e.logIndex, b64.encodeToString(e.leafHash), 2, text(e.entry), text(e.disclosed),
                    b64.encodeToString(e.salt));
        }
        // a leaf from before commitments is the whole decision: only auditors and supervisors may read it
        return new DisclosedEntry(e.logIndex, b64.encodeToString(e.leafHash), 1, null, privileged ? text(e.decision) : null, null);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void validate(String period) {
        try {
            Periods.parse(period);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("period", e.getMessage());
        }
    }

    static ProblemException embargoed(PeriodDisclosures.PeriodStatus status) {
        String until = status.waitingForClosure()
                ? "until every one of its shipments is released, inspected or withdrawn"
                : "until " + status.embargoEndsAt() + " at the earliest";
        return ProblemException.conflict("period-embargoed", "the decisions and seed of period " + status.period()
                + " are embargoed " + until + "; auditors read them at any time");
    }
}
