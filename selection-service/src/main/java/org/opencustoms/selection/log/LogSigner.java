package org.opencustoms.selection.log;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ed25519 signatures of tree heads. In production the key pair comes from configuration (a Kubernetes Secret);
 * where none is configured (local runs, tests) one is generated once and kept in the database.
 */
@ApplicationScoped
public class LogSigner {

    private final Optional<String> configuredPrivateKey;
    private final Optional<String> configuredPublicKey;
    private final LogRepository repository;
    private final AtomicReference<KeyPair> keys = new AtomicReference<>();

    public LogSigner(@ConfigProperty(name = "selection.log.signing-key") Optional<String> configuredPrivateKey,
                     @ConfigProperty(name = "selection.log.public-key") Optional<String> configuredPublicKey,
                     LogRepository repository) {
        this.configuredPrivateKey = configuredPrivateKey;
        this.configuredPublicKey = configuredPublicKey;
        this.repository = repository;
    }

    /** The bytes a tree head signature covers. */
    public static byte[] signedData(long treeSize, byte[] rootHash, long timestampMillis) {
        String text = "opencustoms-decision-log/v1\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n"
                + timestampMillis + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public Uni<byte[]> sign(byte[] data) {
        return keys().map(pair -> {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(pair.getPrivate());
                signature.update(data);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign a tree head", e);
            }
        });
    }

    public Uni<PublicKey> publicKey() {
        return keys().map(KeyPair::getPublic);
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

    /** Needs a session (the key may live in the database). */
    private Uni<KeyPair> keys() {
        KeyPair cached = keys.get();
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        if (configuredPrivateKey.isPresent() && configuredPublicKey.isPresent()) {
            KeyPair pair = decode(Base64.getDecoder().decode(configuredPrivateKey.get().trim()),
                    Base64.getDecoder().decode(configuredPublicKey.get().trim()));
            keys.set(pair);
            return Uni.createFrom().item(pair);
        }
        return repository.signingKey().chain(stored -> {
            if (stored != null) {
                return Uni.createFrom().item(decode(stored.privateKey, stored.publicKey));
            }
            KeyPair generated = generate();
            SigningKeyEntity entity = new SigningKeyEntity();
            entity.id = 1;
            entity.privateKey = generated.getPrivate().getEncoded();
            entity.publicKey = generated.getPublic().getEncoded();
            entity.createdAt = Instant.now();
            return Panache.withTransaction(() -> repository.persist(entity)).replaceWith(generated);
        }).invoke(keys::set);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair decode(byte[] privateKey, byte[] publicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicKey)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the configured log signing key is not an Ed25519 key pair", e);
        }
    }
}
