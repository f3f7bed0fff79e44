package org.opencustoms.selection.log;

import org.opencustoms.selection.decision.CanonicalJson;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a leaf of the log publishes at once: where and when an entry was appended, its random-draw period, and a
 * commitment SHA-256(salt || content) that binds the content without revealing it (the salt is 32 random bytes,
 * so the content cannot be guessed and checked). Its canonical JSON is the leaf's entry.
 */
public record CommitmentEnvelope(String commitment, String format, long index, String period, Instant time) {

    public static final String FORMAT = "opencustoms-decision/v2";
    public static final int SALT_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static CommitmentEnvelope of(long index, String period, Instant time, byte[] salt, byte[] content) {
        return new CommitmentEnvelope(commitment(salt, content), FORMAT, index, period, time);
    }

    public byte[] bytes() {
        return CanonicalJson.bytes(this);
    }

    public static CommitmentEnvelope read(byte[] entry) {
        return CanonicalJson.read(entry, CommitmentEnvelope.class);
    }

    public static String commitment(byte[] salt, byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(content);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] salt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }
}
