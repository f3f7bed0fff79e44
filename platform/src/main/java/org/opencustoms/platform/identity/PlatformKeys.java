package org.opencustoms.platform.identity;

import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.pki.PemFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The embedded default's token signing key pair (RSA 2048), created once in the data directory and kept
 * there: the private key readable by its owner only, the public key for the services to verify with.
 */
public final class PlatformKeys {

    static final String PRIVATE_KEY_FILE = "token-signing-key.pem";
    static final String PUBLIC_KEY_FILE = "token-public-key.pem";

    private final KeyPair keyPair;

    private PlatformKeys(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    public static PlatformKeys of(KeyPair keyPair) {
        return new PlatformKeys(keyPair);
    }

    /** The key pair under {@code dataDirectory/identity}, created there on first use. */
    public static PlatformKeys loadOrCreate(Path dataDirectory) {
        Path directory = dataDirectory.resolve("identity");
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        try {
            if (!Files.exists(privateFile)) {
                create(directory);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(PemFiles.der(Files.readString(privateFile))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(PemFiles.der(Files.readString(directory.resolve(PUBLIC_KEY_FILE)))));
            return new PlatformKeys(new KeyPair(publicKey, privateKey));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new PlatformException("could not read the token signing key in " + directory + ": " + e.getMessage(), e);
        }
    }

    public static PlatformKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new PlatformKeys(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is unavailable", e);
        }
    }

    private static void create(Path directory) throws IOException {
        Files.createDirectories(directory);
        PlatformKeys keys = generate();
        PemFiles.writeAtomically(directory.resolve(PUBLIC_KEY_FILE), keys.publicKeyPem(), false);
        // the private key last: its presence says the pair is complete
        PemFiles.writeAtomically(directory.resolve(PRIVATE_KEY_FILE), PemFiles.pem("PRIVATE KEY", keys.keyPair.getPrivate().getEncoded()), true);
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    /** The public key as the services' {@code MP_JWT_VERIFY_PUBLICKEY} takes it: base64 of its X.509 encoding. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded());
    }

    /** The private key as {@code SMALLRYE_JWT_SIGN_KEY} takes it (base64 PKCS#8), for the embedded sign-in only. */
    public String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(keyPair.getPrivate().getEncoded());
    }

    public String publicKeyPem() {
        return PemFiles.pem("PUBLIC KEY", keyPair.getPublic().getEncoded());
    }

    /** A short, stable name for the key: the start of the SHA-256 of its public half. */
    public String keyId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyPair.getPublic().getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
