package org.opencustoms.selection.rules;

import java.util.Map;
import java.util.Set;

/**
 * The facts rules can test, with their types. A rule set naming any other fact, or testing a fact with an
 * operator that does not fit its type, is rejected when it is loaded.
 */
public final class Facts {

    public static final Map<String, FactType> CATALOG = Map.ofEntries(
            Map.entry("filingType", FactType.TEXT),
            Map.entry("shipmentType", FactType.TEXT),
            Map.entry("carrierCode", FactType.TEXT),
            Map.entry("portOfArrival", FactType.TEXT),
            Map.entry("portOfLading", FactType.TEXT),
            Map.entry("filedLate", FactType.BOOLEAN),
            Map.entry("amendedAfterLading", FactType.BOOLEAN),
            Map.entry("stuffingItemsOutstanding", FactType.BOOLEAN),
            Map.entry("stuffingItemsLate", FactType.BOOLEAN),
            Map.entry("amendments", FactType.NUMBER),
            Map.entry("discrepancyKinds", FactType.TEXT_SET),
            Map.entry("countriesOfOrigin", FactType.TEXT_SET),
            Map.entry("routePorts", FactType.TEXT_SET),
            Map.entry("htsChapters", FactType.TEXT_SET),
            Map.entry("htsHeadings", FactType.TEXT_SET),
            Map.entry("partyNames", FactType.TEXT_SET),
            Map.entry("partyPriorFilings", FactType.NUMBER),
            Map.entry("totalDeclaredValueUsd", FactType.NUMBER),
            Map.entry("totalGrossWeightKg", FactType.NUMBER),
            Map.entry("minValuePerKg", FactType.NUMBER));

    private Facts() {
    }

    /** A fact of a filing that has no value (a missing weight, say) is absent and matches no condition. */
    public static boolean isValue(FactType type, Object value) {
        return switch (type) {
            case BOOLEAN -> value instanceof Boolean;
            case NUMBER -> value instanceof Number;
            case TEXT -> value instanceof String;
            case TEXT_SET -> value instanceof Set<?>;
        };
    }
}
