package org.opencustoms.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AucTest {

    // the risk model's values (scores with 0/1 labels)

    @Test
    void aucIsOneWhenEveryPositiveOutranksEveryNegative() {
        assertEquals(1.0, Auc.fromLabels(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1}), 1e-12);
    }

    @Test
    void aucIsZeroWhenTheRankingIsReversed() {
        assertEquals(0.0, Auc.fromLabels(new double[] {0.9, 0.8, 0.2, 0.1}, new int[] {0, 0, 1, 1}), 1e-12);
    }

    @Test
    void aucCountsHalfOfTheMisorderedPairs() {
        // pairs (pos, neg): (0.6,0.5) ok, (0.6,0.7) wrong, (0.8,0.5) ok, (0.8,0.7) ok -> 3/4
        assertEquals(0.75, Auc.fromLabels(new double[] {0.5, 0.6, 0.7, 0.8}, new int[] {0, 1, 0, 1}), 1e-12);
    }

    @Test
    void tiedScoresCountOneHalf() {
        assertEquals(0.5, Auc.fromLabels(new double[] {0.3, 0.3, 0.3, 0.3}, new int[] {0, 1, 0, 1}), 1e-12);
        // positive 0.5 ties with one negative (1/2) and beats the other (1): (1 + 0.5) / 2
        assertEquals(0.75, Auc.fromLabels(new double[] {0.5, 0.5, 0.1}, new int[] {1, 0, 0}), 1e-12);
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        assertTrue(Double.isNaN(Auc.fromLabels(new double[] {0.1, 0.2}, new int[] {1, 1})));
        assertTrue(Double.isNaN(Auc.fromLabels(new double[] {0.1, 0.2}, new int[] {0, 0})));
        assertTrue(Double.isNaN(Auc.fromLabels(new double[] {}, new int[] {})));
    }

    @Test
    void scoresAndLabelsMustMatchInLength() {
        assertThrows(IllegalArgumentException.class, () -> Auc.fromLabels(new double[] {0.1}, new int[] {0, 1}));
    }

    // the scan detector's values (positives' and negatives' scores)

    @Test
    void aucRanksPositivesAboveNegativesWithTiesCountingHalf() {
        assertEquals(1.0, Auc.fromClasses(new double[] {0.9, 0.8}, new double[] {0.1, 0.2}));
        assertEquals(0.0, Auc.fromClasses(new double[] {0.1}, new double[] {0.5, 0.6}));
        assertEquals(0.5, Auc.fromClasses(new double[] {0.5, 0.5}, new double[] {0.5}));
        assertEquals(0.75, Auc.fromClasses(new double[] {0.4, 0.9}, new double[] {0.3, 0.6}));
    }

    @Test
    void aucOfClassesIsUndefinedWithoutBoth() {
        assertTrue(Double.isNaN(Auc.fromClasses(new double[] {}, new double[] {0.3})));
        assertTrue(Double.isNaN(Auc.fromClasses(new double[] {0.3}, new double[] {})));
        assertTrue(Double.isNaN(Auc.fromClasses(new double[] {}, new double[] {})));
    }

    @Test
    void theRankStatisticEqualsTheShareOfCorrectlyOrderedPairs() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            double[] positives = new double[1 + random.nextInt(40)];
            double[] negatives = new double[1 + random.nextInt(40)];
            // few distinct values, so ties are frequent
            for (int i = 0; i < positives.length; i++) {
                positives[i] = random.nextInt(12) / 10.0;
            }
            for (int i = 0; i < negatives.length; i++) {
                negatives[i] = random.nextInt(10) / 10.0;
            }
            double wins = 0;
            for (double p : positives) {
                for (double n : negatives) {
                    wins += p > n ? 1 : p == n ? 0.5 : 0;
                }
            }
            double expected = wins / ((double) positives.length * negatives.length);
            assertEquals(expected, Auc.fromClasses(positives, negatives), "round " + round);

            double[] scores = new double[positives.length + negatives.length];
            int[] labels = new int[scores.length];
            int p = 0;
            int n = 0;
            for (int i = 0; i < scores.length; i++) { // interleaved, so the input order is not by class
                boolean positive = n == negatives.length || (p < positives.length && random.nextBoolean());
                scores[i] = positive ? positives[p++] : negatives[n++];
                labels[i] = positive ? 1 : 0;
            }
            assertEquals(expected, Auc.fromLabels(scores, labels), "round " + round);
        }
    }
}
