package org.opencustoms.selection.random;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.config.TimeSource;
import org.opencustoms.selection.decision.CanonicalJson;
import org.opencustoms.selection.decision.Decision;
import org.opencustoms.selection.decision.DisclosedDecision;
import org.opencustoms.selection.log.LogEntryEntity;
import org.opencustoms.selection.log.LogRepository;
import org.opencustoms.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Recomputes the random picks of a closed period from its seed and the decisions in the log; who may ask is for the caller to check. */
@ApplicationScoped
public class DrawVerifier {

    private final SeedRepository seeds;
    private final LogRepository log;
    private final TimeSource time;

    public DrawVerifier(SeedRepository seeds, LogRepository log, TimeSource time) {
        this.time = time;
        this.seeds = seeds;
        this.log = log;
    }

    /**
     * Checks the picks of the decisions logged for the period below {@code logSize} (null: all of them): what a public
     * caller may read of a disclosed period stops at its disclosure.
     */
    @WithSession
    public Uni<DrawVerification> verify(String period, Long logSize) {
        try {
            Periods.parse(period);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("period", e.getMessage());
        }
        if (!Periods.isClosed(period, time.now())) {
            throw ProblemException.conflict("period-open", "period " + period + " has not ended: its seed is not revealed yet");
        }
        return seeds.findById(period).onItem().ifNull().failWith(() -> ProblemException.notFound("random-draw period", period))
                .chain(seed -> log.inPeriod(period).map(entries -> check(seed, entries.stream()
                        .filter(e -> logSize == null || e.logIndex < logSize)
                        .map(DrawVerifier::committed).toList())));
    }

    /** The decision as the leaf commits to it (the whole decision for an entry from before commitments). */
    private static DisclosedDecision committed(LogEntryEntity entry) {
        return entry.format == 2 ? CanonicalJson.read(entry.disclosed, DisclosedDecision.class)
                : DisclosedDecision.of(CanonicalJson.read(entry.decision, Decision.class), Map.of(), new byte[0]);
    }

    static DrawVerification check(SeedEntity seed, List<DisclosedDecision> logged) {
        boolean committed = SeedService.commitment(seed.seed).equals(seed.commitment);
        List<String> mismatches = new ArrayList<>();
        int picks = 0;
        for (DisclosedDecision decision : logged) {
            RandomDraw draw = RandomDraw.of(seed.seed, decision.shipmentKey(), decision.randomRate());
            if (decision.pickedAtRandom()) {
                picks++;
            }
            if (draw.picked() != decision.pickedAtRandom() || !draw.drawHex().equals(decision.randomDraw())) {
                mismatches.add("decision " + decision.id() + " (" + decision.shipmentKey() + ") logged "
                        + (decision.pickedAtRandom() ? "picked" : "not picked") + " but the seed draws "
                        + (draw.picked() ? "picked" : "not picked"));
            }
        }
        return new DrawVerification(seed.period, seed.commitment, HexFormat.of().formatHex(seed.seed), committed, logged.size(), picks,
                logged.size() - mismatches.size(), mismatches, committed && mismatches.isEmpty());
    }
}
