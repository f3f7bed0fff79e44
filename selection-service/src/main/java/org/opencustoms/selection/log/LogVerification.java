package org.opencustoms.selection.log;

import java.util.List;

/** A full check of the stored log: every entry rehashed, every signed tree head recomputed and its signature checked. */
public record LogVerification(boolean verified, long treeSize, long entriesChecked, int treeHeadsChecked, List<String> problems) {
}
