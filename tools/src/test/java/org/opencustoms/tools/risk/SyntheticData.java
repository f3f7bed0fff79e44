package org.opencustoms.tools.risk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes labelled CSVs whose label depends on one numeric and one categorical column. */
final class SyntheticData {

    static final String MAPPING = """
            id: ref
            label: flagged
            date: day
            categorical: [segment, agent]
            numeric: [amount, weight]
            exclude:
              - column: outcome
                reason: copy of the label
            derived:
              ratios:
                - {name: amount_per_weight, numerator: amount, denominator: weight}
              prefixes:
                - {name: segment_group, column: segment, length: 1}
            """;

    private SyntheticData() {
    }

    static Path writeMapping(Path directory) throws IOException {
        return Files.writeString(directory.resolve("mapping.yaml"), MAPPING);
    }

    static Path writeCsv(Path file, int rows, long seed, boolean withLabel) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("ref,day,segment,agent,amount,weight" + (withLabel ? ",flagged,outcome" : "") + "\n");
        for (int i = 0; i < rows; i++) {
            int segment = random.nextInt(10);
            double amount = random.nextDouble() * 10;
            double logit = 1.2 * (amount - 5) + (segment < 3 ? 2.5 : -1.5);
            int label = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            String weight = random.nextInt(20) == 0 ? "" : String.format(java.util.Locale.ROOT, "%.2f", 1 + random.nextDouble() * 50);
            csv.append("R").append(seed).append('-').append(i).append(',')
                    .append("2024-01-").append(String.format("%02d", 1 + i % 28)).append(',')
                    .append(segment < 3 ? "H" : "L").append(segment).append(',')
                    .append("\"agent, no. ").append(random.nextInt(200)).append("\",")
                    .append(String.format(java.util.Locale.ROOT, "%.3f", amount)).append(',')
                    .append(weight);
            if (withLabel) {
                csv.append(',').append(label).append(',').append(label);
            }
            csv.append('\n');
        }
        return Files.writeString(file, csv.toString());
    }
}
