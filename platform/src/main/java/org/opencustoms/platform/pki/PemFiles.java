package org.opencustoms.platform.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/** Keys and certificates as PEM text, and files written whole or not at all (secrets readable by their owner only). */
public final class PemFiles {

    private PemFiles() {
    }

    /** DER bytes as PEM of the given type, such as PRIVATE KEY, PUBLIC KEY or CERTIFICATE. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The DER bytes of one PEM block. */
    public static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    /** Writes the file through a temporary one and an atomic rename; a secret's file is created owner-only. */
    public static void writeAtomically(Path file, String text, boolean secret) throws IOException {
        Path temporary = secret
                ? Files.createTempFile(file.getParent(), "pem", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), "pem", ".tmp");
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
