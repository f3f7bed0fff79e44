package org.opencustoms.selection.random;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.config.TimeSource;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seeds of the random draws. Each period's seed is made by a CSPRNG and its SHA-256 commitment published
 * ahead of time (the current period and the next {@value #DAYS_AHEAD}); the seed is revealed with the period's
 * decisions, when its embargo ends ({@code disclosure.PeriodDisclosures}). On a new installation the first period's commitment is as old as the installation.
 */
@ApplicationScoped
public class SeedService {

    static final int DAYS_AHEAD = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record PublishedSeed(String period, String commitment, Instant committedAt, String seedHex, boolean revealed) {
    }

    private final SeedRepository seeds;
    private final TimeSource time;
    /**
     * Seeds read back from the database, so committed, and never changed after: a decision under the log's lock reads
     * none of them again. A seed this transaction creates is not kept, since the transaction may still roll back.
     */
    private final Map<String, SeedEntity> committed = new ConcurrentHashMap<>();

    public SeedService(SeedRepository seeds, TimeSource time) {
        this.seeds = seeds;
        this.time = time;
    }

    /** The seed of the period {@code now} falls in, committing the coming periods too. Runs in the caller's transaction. */
    public Uni<SeedEntity> seedFor(Instant now) {
        String period = Periods.of(now);
        Uni<SeedEntity> chain = ensure(period);
        for (int day = 1; day <= DAYS_AHEAD; day++) {
            String ahead = Periods.next(period, day);
            chain = chain.call(current -> ensure(ahead));
        }
        return chain;
    }

    private Uni<SeedEntity> ensure(String period) {
        SeedEntity known = committed.get(period);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        // a decision ensures each period once per transaction, before it could have created it, so what it finds is committed
        return seeds.findById(period).chain(existing -> {
            if (existing != null) {
                committed.put(period, existing);
                return Uni.createFrom().item(existing);
            }
            SeedEntity seed = new SeedEntity();
            seed.period = period;
            seed.seed = new byte[32];
            RANDOM.nextBytes(seed.seed);
            seed.commitment = commitment(seed.seed);
            seed.createdAt = time.now();
            return seeds.persist(seed);
        });
    }

    /** The seed of {@code period}, if it has one; in the caller's session, where it may be one this transaction created. */
    @WithSession
    public Uni<SeedEntity> find(String period) {
        SeedEntity known = committed.get(period);
        return known != null ? Uni.createFrom().item(known) : seeds.findById(period);
    }

    /** A seed as published: its commitment always, the seed itself only when {@code revealed}. */
    public static PublishedSeed publish(SeedEntity seed, boolean revealed) {
        return new PublishedSeed(seed.period, seed.commitment, seed.createdAt,
                revealed ? HexFormat.of().formatHex(seed.seed) : null, revealed);
    }

    public static String commitment(byte[] seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
