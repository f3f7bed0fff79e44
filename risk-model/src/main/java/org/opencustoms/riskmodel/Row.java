package org.opencustoms.riskmodel;

import java.util.Map;

/** One record, read by column name. */
public interface Row {

    /** The raw cell text, or null when the record has no such column. */
    String value(String column);

    /** Where the record came from, for error messages (e.g. "train.csv line 12"). */
    String location();

    static Row of(Map<String, String> values) {
        return new Row() {
            @Override
            public String value(String column) {
                return values.get(column);
            }

            @Override
            public String location() {
                return "input row";
            }
        };
    }
}
