package org.opencustoms.selection.audit.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The attributes a fairness report can compare groups by, with the names the API takes. */
public enum GroupBy {
    COUNTRY_OF_ORIGIN("origin", AuditedFiling::countryOfOrigin),
    IMPORTER("importer", AuditedFiling::importer),
    CARRIER("carrier", AuditedFiling::carrier),
    PORT("port", AuditedFiling::port),
    HTS_CHAPTER("hts-chapter", AuditedFiling::htsChapter),
    FIRST_TIME_IMPORTER("first-time-importer", filing -> filing.firstTimeImporter() ? "first-time" : "known");

    private final String apiName;
    private final Function<AuditedFiling, String> key;

    GroupBy(String apiName, Function<AuditedFiling, String> key) {
        this.apiName = apiName;
        this.key = key;
    }

    public String apiName() {
        return apiName;
    }

    public String groupOf(AuditedFiling filing) {
        String group = key.apply(filing);
        return group == null || group.isBlank() ? "(not stated)" : group;
    }

    public static GroupBy fromApiName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.apiName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("groupBy must be one of " + names() + ", not '" + name + "'"));
    }

    public static String names() {
        return Arrays.stream(values()).map(GroupBy::apiName).collect(Collectors.joining(", "));
    }
}
