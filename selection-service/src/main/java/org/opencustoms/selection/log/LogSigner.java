package org.opencustoms.selection.log;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencustoms.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Ed25519 signatures of tree heads, by a key with a history. In production the key pair comes from configuration
 * (a Kubernetes Secret; rotating it means changing the Secret) and only its public half is recorded; where none is
 * configured (local runs, tests) keys are generated and kept in the database, and {@link #rotate} retires the
 * current one. Retired keys stay on record so that the heads they signed keep verifying.
 */
@ApplicationScoped
public class LogSigner {

    public record SigningKey(String keyId, PublicKey publicKey, Instant createdAt, Instant retiredAt) {
        public boolean current() {
            return retiredAt == null;
        }
    }

    record Signed(byte[] signature, String keyId) {
    }

    /** The key pair from configuration, decoded once; empty where the service keeps its own keys. */
    private final Optional<KeyPair> configured;
    private final LogRepository repository;

    public LogSigner(@ConfigProperty(name = "selection.log.signing-key") Optional<String> configuredPrivateKey,
                     @ConfigProperty(name = "selection.log.public-key") Optional<String> configuredPublicKey,
                     LogRepository repository) {
        this.configured = configuredPrivateKey.isPresent() && configuredPublicKey.isPresent()
                ? Optional.of(decode(Base64.getDecoder().decode(configuredPrivateKey.get().trim()),
                        Base64.getDecoder().decode(configuredPublicKey.get().trim())))
                : Optional.empty();
        this.repository = repository;
    }

    /** The bytes a tree head signature covers. */
    public static byte[] signedData(long treeSize, byte[] rootHash, long timestampMillis) {
        String text = "opencustoms-decision-log/v1\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n"
                + timestampMillis + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Signs with the current key; runs in the caller's transaction (a first key may be recorded). */
    Uni<Signed> sign(byte[] data) {
        return currentKey().map(entity -> {
            KeyPair pair = configured.orElseGet(() -> decode(entity.privateKey, entity.publicKey));
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(pair.getPrivate());
                signature.update(data);
                return new Signed(signature.sign(), entity.keyId);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign a tree head", e);
            }
        });
    }

    /** Every key that ever signed a head, oldest first. Needs a session. */
    public Uni<List<SigningKey>> keys() {
        return repository.signingKeys().map(list -> list.stream()
                .map(k -> new SigningKey(k.keyId, publicKey(k.publicKey), k.createdAt, k.retiredAt)).toList());
    }

    /** The key new heads are signed with, recording it first if it is new. Needs a transaction. */
    public Uni<SigningKey> current() {
        return currentKey().map(k -> new SigningKey(k.keyId, publicKey(k.publicKey), k.createdAt, k.retiredAt));
    }

    /** Retires the current key and makes a new one; only where keys are kept by the service itself. */
    @WithTransaction
    public Uni<SigningKey> rotate() {
        if (configured.isPresent()) {
            throw ProblemException.conflict("log-key-configured", "the log signing key comes from configuration "
                    + "(selection.log.signing-key): rotate it by replacing that secret and restarting the service");
        }
        return repository.lockState().chain(locked -> currentKey()).chain(old -> {
            old.retiredAt = Instant.now();
            old.privateKey = null; // a retired key signs nothing again, even if the database is read later
            KeyPair generated = generate();
            return repository.signingKeys().chain(all -> record(generated.getPublic(), generated.getPrivate(), nextId(all)));
        }).map(k -> new SigningKey(k.keyId, publicKey(k.publicKey), k.createdAt, k.retiredAt));
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<SigningKeyEntity> currentKey() {
        return repository.currentSigningKey().chain(current -> {
            if (configured.isEmpty() && current != null) {
                return Uni.createFrom().item(current);
            }
            if (configured.isEmpty()) {
                KeyPair generated = generate();
                return repository.signingKeys().chain(all -> record(generated.getPublic(), generated.getPrivate(), nextId(all)));
            }
            KeyPair pair = configured.get();
            String keyId = keyId(pair.getPublic());
            if (current != null && current.keyId.equals(keyId)) {
                return Uni.createFrom().item(current);
            }
            // a newly configured key retires whatever signed before it; one configured before comes back
            if (current != null) {
                current.retiredAt = Instant.now();
                current.privateKey = null;
            }
            return repository.signingKeys().chain(all -> {
                for (SigningKeyEntity known : all) {
                    if (known.keyId.equals(keyId)) {
                        known.retiredAt = null;
                        return Uni.createFrom().item(known);
                    }
                }
                return record(pair.getPublic(), null, nextId(all)).call(this::claimUnnamedHeads);
            });
        });
    }

    /** Heads signed before keys were recorded (by a configured key) get the id of the key their signature verifies with. */
    private Uni<Void> claimUnnamedHeads(SigningKeyEntity key) {
        PublicKey publicKey = publicKey(key.publicKey);
        return repository.headsWithoutKey().invoke(heads -> heads.stream()
                .filter(h -> verify(publicKey, signedData(h.treeSize, h.rootHash, h.issuedAt.toEpochMilli()), h.signature))
                .forEach(h -> h.keyId = key.keyId)).replaceWithVoid();
    }

    private static int nextId(List<SigningKeyEntity> all) {
        return all.stream().mapToInt(k -> k.id).max().orElse(0) + 1;
    }

    private Uni<SigningKeyEntity> record(PublicKey publicKey, PrivateKey privateKey, int id) {
        SigningKeyEntity entity = new SigningKeyEntity();
        entity.id = id;
        entity.keyId = keyId(publicKey);
        entity.publicKey = publicKey.getEncoded();
        entity.privateKey = privateKey == null ? null : privateKey.getEncoded();
        entity.createdAt = Instant.now();
        return repository.persist(entity).replaceWith(entity);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicKey publicKey(byte[] encoded) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a recorded log key is not an Ed25519 public key", e);
        }
    }

    private static KeyPair decode(byte[] privateKey, byte[] publicKey) {
        if (privateKey == null) {
            throw new IllegalStateException("the current log key's private half is not kept here: configure selection.log.signing-key");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicKey)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the configured log signing key is not an Ed25519 key pair", e);
        }
    }
}
