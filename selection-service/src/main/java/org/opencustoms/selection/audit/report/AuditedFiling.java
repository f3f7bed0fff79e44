package org.opencustoms.selection.audit.report;

import org.opencustoms.selection.decision.Lane;

import java.time.Instant;

/**
 * One filing as the audit sees it: the latest decision on it within the report's period, the groups
 * it belongs to, and what the latest outcome of its inspection found.
 *
 * @param randomRate       the chance the random draw had of picking it: its inclusion probability in the random stratum
 * @param violationFound   null while no outcome has been recorded
 * @param countryOfOrigin  of the first commodity line
 * @param importer         importer of record (ISF-10) or booking party (ISF-5), as normalised for party rules
 * @param htsChapter       first two digits of the first commodity line's HTS number
 * @param firstTimeImporter whether the importer had never filed before this filing
 */
public record AuditedFiling(
        String port,
        Lane lane,
        boolean pickedByRisk,
        boolean pickedAtRandom,
        double randomRate,
        Instant filedAt,
        Instant decidedAt,
        boolean filedLate,
        Boolean violationFound,
        String countryOfOrigin,
        String importer,
        String carrier,
        String htsChapter,
        boolean firstTimeImporter) {

    public boolean inspected() {
        return violationFound != null;
    }

    public boolean hit() {
        return Boolean.TRUE.equals(violationFound);
    }
}
