package org.opencustoms.selection.decision;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.config.TimeSource;
import org.opencustoms.selection.isf.compliance.ComplianceFacts;
import org.opencustoms.selection.isf.entity.ContainerStatusMessageEntity;
import org.opencustoms.selection.isf.entity.IsfFilingEntity;
import org.opencustoms.selection.isf.model.Discrepancy;
import org.opencustoms.selection.isf.model.IsfFiling;
import org.opencustoms.selection.isf.repository.IsfFilingRepository;
import org.opencustoms.selection.isf.repository.StatusMessageRepository;
import org.opencustoms.selection.log.CommitmentEnvelope;
import org.opencustoms.selection.log.DecisionLog;
import org.opencustoms.selection.rules.RuleSet;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.selection.random.Periods;
import org.opencustoms.selection.random.RandomDraw;
import org.opencustoms.selection.random.SeedEntity;
import org.opencustoms.selection.random.SeedService;
import org.opencustoms.selection.rules.RuleEngine;
import org.opencustoms.selection.rules.RuleHit;
import org.opencustoms.selection.rules.RuleSetService;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

/**
 * Decides each accepted filing version, inside the filing's own transaction: rules and model score it, the
 * period's seed draws it, the lane policy places it, and the decision is appended to the log before commit.
 */
@ApplicationScoped
public class DecisionService {

    private final DecisionLog log;
    private final SeedService seeds;
    private final RuleSetService ruleSets;
    private final RiskScorer model;
    private final SelectionConfig config;
    private final DecisionRepository decisions;
    private final IsfFilingRepository filings;
    private final StatusMessageRepository statusMessages;
    private final InspectionHandoff handoff;
    private final TimeSource time;

    public DecisionService(DecisionLog log, SeedService seeds, RuleSetService ruleSets,
                           RiskScorer model, SelectionConfig config, DecisionRepository decisions, IsfFilingRepository filings,
                           StatusMessageRepository statusMessages, InspectionHandoff handoff, TimeSource time) {
        this.time = time;
        this.log = log;
        this.seeds = seeds;
        this.ruleSets = ruleSets;
        this.model = model;
        this.config = config;
        this.decisions = decisions;
        this.filings = filings;
        this.statusMessages = statusMessages;
        this.handoff = handoff;
    }

    /**
     * Runs in the caller's transaction, after the filing version has been stored. The model scores the filing first,
     * on a worker thread, since it needs nothing from the log. Then the log is locked (until commit), and under the
     * lock, so that they see every decision before this one, the rules read the filing's history (the party's
     * earlier filings among them), and the period's seed, the port's capacity left today, the lane and the append
     * follow.
     */
    public Uni<Decision> decide(IsfFilingEntity filing, int version, IsfFiling document, String documentJson,
                                ComplianceFacts compliance, List<Discrepancy> discrepancies) {
        Instant now = time.now();
        return assess(document).chain(assessment -> log.lock().chain(locked -> seedOf(filing, now)
                .chain(seed -> ruleSets.current().chain(rules -> history(filing, document).chain(history -> {
                    Map<String, Object> facts = FilingFacts.of(document, version, compliance, discrepancies,
                            history.places(), history.priorFilings());
                    List<RuleHit> hits = RuleEngine.evaluate(rules.ruleSet(), facts);
                    Score score = new Score(hits, RuleEngine.score(hits), assessment.orElse(null));
                    Decision decision = decision(filing, version, documentJson, now, rules.version(), score, seed,
                            history.inspectionsToday(), history.previous());
                    return log.append(locked, logContent(decision, rules.ruleSet()))
                            .chain(index -> decisions.persist(entity(decision, index, history.priorFilings())))
                            .call(saved -> handOff(decision, document, filing, history.previous()))
                            .replaceWith(decision);
                })))));
    }

    /** The model's assessment, computed on a worker thread; its answer comes back on the transaction's context. */
    private Uni<Optional<RiskScorer.Assessment>> assess(IsfFiling document) {
        Context context = Vertx.currentContext();
        return context == null ? Uni.createFrom().item(() -> model.assess(document))
                : context.executeBlocking(() -> model.assess(document), false);
    }

    private Uni<SeedEntity> seedOf(IsfFilingEntity filing, Instant now) {
        return seeds.seedFor(now).chain(() -> seeds.find(Periods.of(filing.firstFiledAt)).map(seed -> {
            if (seed == null) {
                throw new IllegalStateException("no seed for period " + Periods.of(filing.firstFiledAt));
            }
            return seed;
        }));
    }

    private record Score(List<RuleHit> hits, double ruleScore, RiskScorer.Assessment assessment) {

        Double modelScore() {
            return assessment == null ? null : assessment.score();
        }

        double risk() {
            return 1 - (1 - ruleScore) * (1 - (assessment == null ? 0 : assessment.score()));
        }
    }

    private Decision decision(IsfFilingEntity filing, int version, String documentJson, Instant now, int rulesVersion,
                              Score score, SeedEntity seed, long inspectionsToday, DecisionEntity previous) {
        double rate = config.randomRate(filing.portOfArrival);
        RandomDraw draw = RandomDraw.of(seed.seed, filing.shipmentKey, rate);
        LanePolicy.Outcome outcome = LanePolicy.decide(score.risk(), config.lanes(), draw, rate, config.random().lane(),
                inspectionsToday < config.capacity(filing.portOfArrival), filing.portOfArrival);
        List<Reason> reasons = new ArrayList<>();
        score.hits().forEach(h -> reasons.add(new Reason("RULE", h.ruleId(), h.weight(), h.reason())));
        if (score.assessment() != null) {
            reasons.addAll(score.assessment().contributions());
        }
        reasons.addAll(outcome.extraReasons());
        return new Decision(UUID.randomUUID(), filing.id, version, digest(documentJson),
                filing.shipmentKey, filing.portOfArrival, now, outcome.lane(), score.risk(), score.ruleScore(), score.modelScore(),
                model.version(), rulesVersion, outcome.pickedByRisk(), outcome.pickedAtRandom(), seed.period,
                rate, draw.drawHex(), outcome.pickProbability(), reasons,
                previous == null ? null : previous.id);
    }

    /**
     * A shipment sent to inspection needs its task (inspection-service supersedes an earlier one of the same
     * filing); one released after an amendment no longer needs the task an earlier decision asked for.
     */
    private Uni<Void> handOff(Decision decision, IsfFiling document, IsfFilingEntity filing, DecisionEntity previous) {
        if (decision.lane().isInspection()) {
            return handoff.enqueue(decision, document, filing.filerParty);
        }
        if (previous != null && previous.lane.isInspection()) {
            return handoff.enqueueCancellation(decision.id(), decision.filingId(), decision.filingVersion(), decision.id(),
                    InspectionHandoff.RELEASED_AFTER_AMENDMENT);
        }
        return Uni.createFrom().voidItem();
    }

    /** A withdrawn filing's shipment needs no inspection: its task, if a decision asked for one, is cancelled. In the withdrawal's transaction. */
    public Uni<Void> withdrawn(IsfFilingEntity filing) {
        return decisions.latestFor(filing.id).chain(latest -> latest != null && latest.lane.isInspection()
                ? handoff.enqueueCancellation(UUID.randomUUID(), filing.id, filing.currentVersion, null, InspectionHandoff.WITHDRAWN)
                : Uni.createFrom().voidItem());
    }

    /** The whole decision for the record, and the part that may be disclosed, committed to in the log. */
    private static DecisionLog.Content logContent(Decision decision, RuleSet rules) {
        Map<String, String> descriptions = new HashMap<>();
        rules.rules().forEach(rule -> descriptions.put(rule.id(), rule.description()));
        descriptions.values().removeIf(Objects::isNull);
        byte[] intelligenceSalt = CommitmentEnvelope.salt();
        return new DecisionLog.Content(CanonicalJson.bytes(decision),
                CanonicalJson.bytes(DisclosedDecision.of(decision, descriptions, intelligenceSalt)), intelligenceSalt,
                decision.randomPeriod(), decision.decidedAt());
    }

    private record History(List<String> places, long priorFilings, long inspectionsToday, DecisionEntity previous) {
    }

    /** What the decision needs from history; queries run one after another on the transaction's session. */
    private Uni<History> history(IsfFilingEntity filing, IsfFiling document) {
        Instant dayStart = Periods.start(Periods.of(time.now()));
        return statusMessages.forContainers(document.containerList())
                .map(messages -> messages.stream().map(m -> m.place).distinct().toList())
                // strictly earlier filings exclude this one without an id test, which keeps the count index-only
                .chain(places -> filings.count("partyKey = ?1 and firstFiledAt < ?2", filing.partyKey, filing.firstFiledAt)
                        .chain(prior -> decisions.inspectionsSince(filing.portOfArrival, dayStart, filing.id)
                                .chain(today -> decisions.latestFor(filing.id)
                                        .map(previous -> new History(places, prior, today, previous)))));
    }

    @WithSession
    public Uni<Decision> find(UUID id) {
        return decisions.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("decision", id))
                .chain(this::published);
    }

    @WithSession
    public Uni<Decision> latestForFiling(UUID filingId) {
        return decisions.latestFor(filingId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("decision for filing", filingId))
                .chain(this::published);
    }

    /** The decision exactly as the log holds it. */
    private Uni<Decision> published(DecisionEntity entity) {
        return log.entryInSession(entity.logIndex).map(entry -> CanonicalJson.read(entry.decision, Decision.class));
    }

    @WithSession
    public Uni<Long> logIndex(UUID id) {
        return decisions.findById(id).map(d -> d.logIndex);
    }

    private static DecisionEntity entity(Decision d, long index, long partyPriorFilings) {
        DecisionEntity e = new DecisionEntity();
        e.id = d.id();
        e.filingId = d.filingId();
        e.filingVersion = d.filingVersion();
        e.decidedAt = d.decidedAt();
        e.port = d.port();
        e.lane = d.lane();
        e.riskScore = d.riskScore();
        e.ruleScore = d.ruleScore();
        e.modelScore = d.modelScore();
        e.modelVersion = d.modelVersion();
        e.ruleSetVersion = d.ruleSetVersion();
        e.pickedByRisk = d.pickedByRisk();
        e.pickedAtRandom = d.pickedAtRandom();
        e.randomPeriod = d.randomPeriod();
        e.randomRate = d.randomRate();
        e.randomDraw = d.randomDraw();
        e.pickProbability = d.pickProbability();
        e.reasons = new String(CanonicalJson.bytes(d.reasons()), StandardCharsets.UTF_8);
        e.supersedes = d.supersedes();
        e.logIndex = index;
        e.partyPriorFilings = partyPriorFilings;
        return e;
    }

    private static String digest(String documentJson) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(documentJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
