package org.opencustoms.selection.decision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/** Thresholds, random rates and capacities: operations' settings, not code. */
@ConfigMapping(prefix = "selection")
public interface SelectionConfig {

    Lanes lanes();

    RandomPicks random();

    Capacity capacity();

    interface Lanes {
        /** Lowest combined risk score for each lane. */
        @WithDefault("0.30")
        double documentReview();

        @WithDefault("0.55")
        double niiScan();

        @WithDefault("0.85")
        double physicalExam();
    }

    interface RandomPicks {
        @WithDefault("0.02")
        double rate();

        /** Per-port rates, keyed by UN/LOCODE. */
        Map<String, Double> rateByPort();

        /** The lane a random pick goes to at least. */
        @WithDefault("NII_SCAN")
        Lane lane();
    }

    interface Capacity {
        /** Inspections a port can take per UTC day. */
        @WithDefault("200")
        int perDay();

        Map<String, Integer> perDayByPort();
    }

    default double randomRate(String port) {
        return random().rateByPort().getOrDefault(port, random().rate());
    }

    default int capacity(String port) {
        return capacity().perDayByPort().getOrDefault(port, capacity().perDay());
    }

}
