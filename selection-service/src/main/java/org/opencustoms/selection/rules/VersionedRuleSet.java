package org.opencustoms.selection.rules;

import java.time.Instant;

/** A rule set with the version decisions record; version 0 is the one shipped with the service. */
public record VersionedRuleSet(int version, Instant createdAt, String createdBy, RuleSet ruleSet) {
}
