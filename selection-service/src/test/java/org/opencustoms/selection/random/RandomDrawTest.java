package org.opencustoms.selection.random;

import org.junit.jupiter.api.Test;
import org.opencustoms.selection.decision.Decision;
import org.opencustoms.selection.decision.DisclosedDecision;
import org.opencustoms.selection.decision.Lane;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomDrawTest {

    private static final byte[] SEED = "a period seed of thirty-two byte".getBytes(StandardCharsets.UTF_8);
    private static final double RATE = 0.02;

    @Test
    void theSameShipmentAndSeedAlwaysDrawTheSame() {
        RandomDraw first = RandomDraw.of(SEED, "ISF|MAEU|MAEU123456789", RATE);
        assertEquals(first, RandomDraw.of(SEED, "ISF|MAEU|MAEU123456789", RATE));
        assertNotEquals(first.drawHex(), RandomDraw.of("another seed".getBytes(StandardCharsets.UTF_8), "ISF|MAEU|MAEU123456789", RATE).drawHex());
        assertTrue(RandomDraw.of(SEED, "x", 1.0).picked(), "a rate of 1 picks everything");
        assertFalse(RandomDraw.of(SEED, "x", 0.0).picked(), "a rate of 0 picks nothing");
    }

    @Test
    void theRealisedRateIsWithinThreeStandardDeviationsOfTheConfiguredRate() {
        int n = 100_000;
        int picked = 0;
        for (int i = 0; i < n; i++) {
            if (RandomDraw.of(SEED, "ISF|CARR|BL" + i, RATE).picked()) {
                picked++;
            }
        }
        double sd = Math.sqrt(n * RATE * (1 - RATE));
        assertTrue(Math.abs(picked - n * RATE) < 3 * sd, picked + " picks of " + n + " (expected " + n * RATE + " +- " + 3 * sd + ")");
    }

    @Test
    void picksDoNotDependOnTheGroupAShipmentBelongsTo() {
        String[] groups = {"CN", "VN", "IN", "DE", "MX", "BR", "TR", "KR", "TH", "US"};
        int perGroup = 10_000;
        long[] picks = new long[groups.length];
        for (int g = 0; g < groups.length; g++) {
            for (int i = 0; i < perGroup; i++) {
                if (RandomDraw.of(SEED, "ISF|" + groups[g] + "|" + i, RATE).picked()) {
                    picks[g]++;
                }
            }
        }
        // chi-square test of independence on the 2 x 10 table (picked / not picked by group)
        double total = (double) perGroup * groups.length;
        double pickedShare = java.util.Arrays.stream(picks).sum() / total;
        double chiSquare = 0;
        for (long p : picks) {
            double expectedPicked = perGroup * pickedShare;
            double expectedNot = perGroup * (1 - pickedShare);
            chiSquare += Math.pow(p - expectedPicked, 2) / expectedPicked + Math.pow(perGroup - p - expectedNot, 2) / expectedNot;
        }
        double criticalAt001With9DegreesOfFreedom = 27.877;
        assertTrue(chiSquare < criticalAt001With9DegreesOfFreedom, "chi-square " + chiSquare + " shows dependence on the group");
    }

    @Test
    void aClosedPeriodIsRecomputedFromItsSeedAndMismatchesAreReported() {
        SeedEntity seed = new SeedEntity();
        seed.period = "2026-11-01";
        seed.seed = SEED;
        seed.commitment = SeedService.commitment(SEED);
        DisclosedDecision honest = disclosed(decision("ISF|MAEU|A1", RandomDraw.of(SEED, "ISF|MAEU|A1", 0.5)));
        RandomDraw real = RandomDraw.of(SEED, "ISF|MAEU|B2", 0.5);
        DisclosedDecision forged = disclosed(decision("ISF|MAEU|B2", new RandomDraw(real.drawHex(), !real.picked())));

        assertTrue(DrawVerifier.check(seed, List.of(honest)).verified());
        DrawVerification report = DrawVerifier.check(seed, List.of(honest, forged));
        assertFalse(report.verified());
        assertEquals(1, report.mismatches().size());

        seed.commitment = SeedService.commitment("another seed".getBytes(StandardCharsets.UTF_8));
        assertFalse(DrawVerifier.check(seed, List.of(honest)).seedMatchesCommitment(), "a seed that is not the committed one fails");
    }

    private static Decision decision(String key, RandomDraw draw) {
        return new Decision(UUID.randomUUID(), UUID.randomUUID(), 1, "digest", key, "USLAX", Instant.now(), Lane.RELEASE, 0.1, 0.1,
                null, "none", 0, false, draw.picked(), "2026-11-01", 0.5, draw.drawHex(), 0.5, List.of(), null);
    }

    private static DisclosedDecision disclosed(Decision decision) {
        return DisclosedDecision.of(decision, java.util.Map.of(), new byte[32]);
    }
}
