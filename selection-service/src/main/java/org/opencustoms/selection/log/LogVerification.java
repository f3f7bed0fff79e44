package org.opencustoms.selection.log;

import java.util.List;

/**
 * A full check of the stored log: every entry rehashed, every commitment checked against its content and salt, every
 * signed tree head recomputed and its signature checked with the key it names.
 */
public record LogVerification(boolean verified, long treeSize, long entriesChecked, int treeHeadsChecked, int commitmentsChecked,
                              List<String> problems) {
}
