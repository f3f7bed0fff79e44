package org.opencustoms.selection.decision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;

/** Thresholds, random rates and capacities: operations' settings, not code. */
@ConfigMapping(prefix = "selection")
public interface SelectionConfig {

    Lanes lanes();

    RandomPicks random();

    Capacity capacity();

    Handoff handoff();

    Rules rules();

    Log log();

    Model model();

    interface Handoff {
        /** How often queued hand-offs are sent to inspection-service. */
        @WithDefault("5s")
        String every();
    }

    interface Rules {
        /** A rule set file that replaces the shipped one as version 0. */
        Optional<String> file();
    }

    interface Log {
        /** Ed25519 private key, base64 PKCS#8. */
        Optional<String> signingKey();

        /** Ed25519 public key, base64 X.509. */
        Optional<String> publicKey();
    }

    interface Model {
        /** Directory of a model trained by bin/platform risk-model train. */
        Optional<String> dir();

        /** Which filing element feeds which model column (classpath: or a file path). */
        @WithDefault("classpath:risk-model/customs-declarations-serving.yaml")
        String servingMap();
    }

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
