package org.opencustoms.selection.random;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.opencustoms.selection.config.Sequentially;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.config.TimeSource;
import org.opencustoms.selection.decision.CanonicalJson;
import org.opencustoms.selection.decision.Decision;
import org.opencustoms.selection.decision.DecisionEntity;
import org.opencustoms.selection.decision.DecisionRepository;
import org.opencustoms.selection.log.LogRepository;
import org.opencustoms.common.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Recomputes the random picks of a closed period from its seed and the decisions in the log; who may ask is for the caller to check. */
@ApplicationScoped
public class DrawVerifier {

    private final SeedRepository seeds;
    private final DecisionRepository decisions;
    private final LogRepository log;
    private final TimeSource time;

    public DrawVerifier(SeedRepository seeds, DecisionRepository decisions, LogRepository log, TimeSource time) {
        this.time = time;
        this.seeds = seeds;
        this.decisions = decisions;
        this.log = log;
    }

    @WithSession
    public Uni<DrawVerification> verify(String period) {
        try {
            Periods.parse(period);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("period", e.getMessage());
        }
        if (!Periods.isClosed(period, time.now())) {
            throw ProblemException.conflict("period-open", "period " + period + " has not ended: its seed is not revealed yet");
        }
        return seeds.findById(period).onItem().ifNull().failWith(() -> ProblemException.notFound("random-draw period", period))
                .chain(seed -> decisions.inPeriod(period).chain(rows -> entries(rows)).map(logged -> check(seed, logged)));
    }

    private Uni<List<Decision>> entries(List<DecisionEntity> rows) {
        return Sequentially.map(rows, row -> log.entry(row.logIndex).map(entry -> CanonicalJson.read(entry.decision, Decision.class)));
    }

    static DrawVerification check(SeedEntity seed, List<Decision> logged) {
        boolean committed = SeedService.commitment(seed.seed).equals(seed.commitment);
        List<String> mismatches = new ArrayList<>();
        int picks = 0;
        for (Decision decision : logged) {
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
