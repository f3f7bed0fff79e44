package org.opencustoms.selection.audit.report;

import org.opencustoms.selection.decision.Lane;
import org.opencustoms.selection.log.TreeHead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Seeded filing histories where the truth is planted: who risk picks, who the draw picks, who violates. */
final class SyntheticHistory {

    static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");

    private final SplittableRandom random;
    private final List<AuditedFiling> filings = new ArrayList<>();

    SyntheticHistory(long seed) {
        random = new SplittableRandom(seed);
    }

    /**
     * Adds filings of one origin.
     *
     * @param riskRate      chance that risk picks one
     * @param riskHitRate   chance that an inspected risk pick is a violation
     * @param randomRate    chance that the draw picks one
     * @param violationRate chance that a filing not picked by risk is a violation
     */
    SyntheticHistory origin(String origin, int count, double riskRate, double riskHitRate, double randomRate, double violationRate) {
        return add(origin, "USLAX", count, riskRate, riskHitRate, randomRate, violationRate, 1.0);
    }

    SyntheticHistory add(String origin, String port, int count, double riskRate, double riskHitRate, double randomRate,
                         double violationRate, double inspectedShare) {
        for (int i = 0; i < count; i++) {
            boolean byRisk = random.nextDouble() < riskRate;
            boolean atRandom = random.nextDouble() < randomRate;
            boolean violation = random.nextDouble() < (byRisk ? riskHitRate : violationRate);
            boolean inspected = (byRisk || atRandom) && random.nextDouble() < inspectedShare;
            Instant decided = FROM.plusSeconds(random.nextLong(TO.getEpochSecond() - FROM.getEpochSecond()));
            Lane lane = byRisk ? Lane.PHYSICAL_EXAM : atRandom ? Lane.NII_SCAN : Lane.RELEASE;
            filings.add(new AuditedFiling(port, lane, byRisk, atRandom, randomRate, decided.minusMillis(40), decided, i % 10 == 0,
                    inspected ? violation : null, origin, "IMP-" + random.nextInt(50), "MAEU", "84", i % 20 == 0));
        }
        return this;
    }

    List<AuditedFiling> filings() {
        return filings;
    }

    /**
     * The filings as the database counts them for a report: each cut down to what the report reads ({@code readBy}),
     * then the equal ones counted together.
     */
    static List<AuditedFiling> counted(List<AuditedFiling> filings, UnaryOperator<AuditedFiling> readBy) {
        Map<AuditedFiling, Long> counts = filings.stream().map(readBy)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> {
            AuditedFiling f = e.getKey();
            return new AuditedFiling(f.port(), f.lane(), f.pickedByRisk(), f.pickedAtRandom(), f.randomRate(), f.filedAt(), f.decidedAt(),
                    f.filedLate(), f.violationFound(), f.countryOfOrigin(), f.importer(), f.carrier(), f.htsChapter(), f.firstTimeImporter(),
                    e.getValue());
        }).toList();
    }

    static ReportBasis basis(List<AuditedFiling> filings) {
        return new ReportBasis(FROM, TO, null, AuditedFiling.total(filings), filings.stream().mapToLong(AuditedFiling::inspectedCount).sum(),
                new TreeHead(AuditedFiling.total(filings), "root", TO, TO.toEpochMilli(), "sig", "key"), TO);
    }
}
