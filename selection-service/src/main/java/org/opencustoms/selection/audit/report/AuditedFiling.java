package org.opencustoms.selection.audit.report;

import org.opencustoms.selection.decision.Lane;

import java.time.Instant;
import java.util.Collection;

/**
 * Filings as the audit sees them: the latest decision on each within the report's period, the groups it belongs to,
 * and what the latest outcome of its inspection found. The database counts filings alike in what a report reads
 * ({@code count} of them); what that report does not read is left out (null, or false).
 *
 * @param randomRate       the chance the random draw had of picking it: its inclusion probability in the random stratum
 * @param decidedAt        the start of its UTC day where only the day is read
 * @param violationFound   null while no outcome has been recorded
 * @param countryOfOrigin  of the first commodity line
 * @param importer         importer of record (ISF-10) or booking party (ISF-5), as normalised for party rules
 * @param htsChapter       first two digits of the first commodity line's HTS number
 * @param firstTimeImporter whether the importer had never filed before this filing
 * @param count            how many filings these are, at least 1
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
        boolean firstTimeImporter,
        long count) {

    public AuditedFiling {
        if (count < 1) {
            throw new IllegalArgumentException("filings are counted from 1, not " + count);
        }
    }

    /** One filing. */
    public AuditedFiling(String port, Lane lane, boolean pickedByRisk, boolean pickedAtRandom, double randomRate, Instant filedAt,
                         Instant decidedAt, boolean filedLate, Boolean violationFound, String countryOfOrigin, String importer,
                         String carrier, String htsChapter, boolean firstTimeImporter) {
        this(port, lane, pickedByRisk, pickedAtRandom, randomRate, filedAt, decidedAt, filedLate, violationFound, countryOfOrigin,
                importer, carrier, htsChapter, firstTimeImporter, 1);
    }

    public boolean inspected() {
        return violationFound != null;
    }

    public boolean hit() {
        return Boolean.TRUE.equals(violationFound);
    }

    /** Of these filings, how many were inspected (all or none). */
    public long inspectedCount() {
        return inspected() ? count : 0;
    }

    /** Of these filings, how many were found in violation (all or none). */
    public long hitCount() {
        return hit() ? count : 0;
    }

    /** The filings of a list. */
    public static long total(Collection<AuditedFiling> filings) {
        return filings.stream().mapToLong(AuditedFiling::count).sum();
    }
}
