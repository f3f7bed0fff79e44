package org.opencustoms.selection.random;

import java.util.List;

/** Every random draw of a closed period recomputed from the revealed seed and compared with the log. */
public record DrawVerification(String period, String commitment, String seed, boolean seedMatchesCommitment, int decisions,
                               int randomPicks, int matches, List<String> mismatches, boolean verified) {
}
