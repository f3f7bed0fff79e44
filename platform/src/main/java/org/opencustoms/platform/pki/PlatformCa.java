package org.opencustoms.platform.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opencustoms.proto.scan.v1.ScannerIdentity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * The platform's certificate authority for scanners: it certifies scan-analysis-service's gRPC port and each
 * scanner (its id and site in the certificate), so that uploads are mutually authenticated. Kept in one
 * directory: {@code ca.crt}, {@code ca.key} (owner-only) and a PKCS#12 trust store of the CA for the server.
 */
public final class PlatformCa {

    public static final String CERTIFICATE = "ca.crt";
    static final String KEY = "ca.key";
    public static final String TRUST_STORE = "ca-truststore.p12";
    static final String TRUST_STORE_PASSWORD = "ca-truststore.password";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final X509Certificate certificate;
    private final PrivateKey key;

    private PlatformCa(Path directory, X509Certificate certificate, PrivateKey key) {
        this.directory = directory;
        this.certificate = certificate;
        this.key = key;
    }

    /** The CA in this directory, created there with a fresh key pair the first time. */
    public static PlatformCa loadOrCreate(Path directory) {
        try {
            if (!Files.exists(directory.resolve(KEY))) {
                create(directory);
            }
            X509Certificate certificate = readCertificate(directory.resolve(CERTIFICATE));
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(PemFiles.der(Files.readString(directory.resolve(KEY)))));
            return new PlatformCa(directory, certificate, key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the platform CA in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform CA in " + directory + " is unreadable: " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return directory;
    }

    public Path certificateFile() {
        return directory.resolve(CERTIFICATE);
    }

    public Path trustStore() {
        return directory.resolve(TRUST_STORE);
    }

    public String trustStorePassword() {
        try {
            return Files.readString(directory.resolve(TRUST_STORE_PASSWORD)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a certificate and its key were written. */
    public record Issued(Path certificate, Path key, Path ca) {
    }

    /** A server certificate for {@code localhost} and the given host names, written as {@code <name>.crt} and {@code <name>.key}. */
    public Issued issueServer(String name, List<String> hostNames, Duration validity, Path outDirectory) {
        GeneralName[] names = new GeneralName[hostNames.size() + 2];
        names[0] = new GeneralName(GeneralName.dNSName, "localhost");
        names[1] = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
        for (int i = 0; i < hostNames.size(); i++) {
            names[i + 2] = new GeneralName(GeneralName.dNSName, hostNames.get(i));
        }
        return issue("CN=" + name + ",O=OpenCustoms", KeyPurposeId.id_kp_serverAuth, names, validity, outDirectory, name);
    }

    /** A scanner's client certificate, written as {@code scanner.crt}, {@code scanner.key} and the CA's {@code ca.crt}. */
    public Issued issueScanner(ScannerIdentity scanner, Duration validity, Path outDirectory) {
        return issue("CN=" + scanner.id() + ",OU=scanner,L=" + scanner.site() + ",O=OpenCustoms", KeyPurposeId.id_kp_clientAuth,
                new GeneralName[] {new GeneralName(GeneralName.uniformResourceIdentifier, scanner.uri())}, validity, outDirectory, "scanner");
    }

    private Issued issue(String subject, KeyPurposeId purpose, GeneralName[] names, Duration validity, Path outDirectory, String baseName) {
        try {
            Files.createDirectories(outDirectory);
            KeyPair pair = ecKeyPair();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(Instant.now().minus(Duration.ofHours(1))), Date.from(Instant.now().plus(validity)), new X500Name(subject), pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate issued = sign(builder, key);
            Path certificateFile = outDirectory.resolve(baseName + ".crt");
            Path keyFile = outDirectory.resolve(baseName + ".key");
            PemFiles.writeAtomically(certificateFile, PemFiles.pem("CERTIFICATE", issued.getEncoded()), false);
            PemFiles.writeAtomically(keyFile, PemFiles.pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            Path caCopy = outDirectory.resolve(CERTIFICATE);
            if (!caCopy.equals(certificateFile())) {
                PemFiles.writeAtomically(caCopy, PemFiles.pem("CERTIFICATE", certificate.getEncoded()), false);
            }
            return new Issued(certificateFile, keyFile, caCopy);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a certificate to " + outDirectory, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not issue a certificate: " + e.getMessage(), e);
        }
    }

    private static void create(Path directory) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        KeyPair pair = ecKeyPair();
        X500Name name = new X500Name("CN=OpenCustoms Platform CA " + HexFormat.of().formatHex(serial().toByteArray(), 0, 4) + ",O=OpenCustoms");
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(Instant.now().minus(Duration.ofHours(1))),
                    Date.from(Instant.now().plus(CA_VALIDITY)), name, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate ca = sign(builder, pair.getPrivate());
            String password = HexFormat.of().formatHex(RANDOM.generateSeed(16));
            PemFiles.writeAtomically(directory.resolve(TRUST_STORE_PASSWORD), password + "\n", true);
            writeTrustStore(directory.resolve(TRUST_STORE), ca, password);
            PemFiles.writeAtomically(directory.resolve(CERTIFICATE), PemFiles.pem("CERTIFICATE", ca.getEncoded()), false);
            // the key last: its presence says the CA is complete
            PemFiles.writeAtomically(directory.resolve(KEY), PemFiles.pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        } catch (OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("could not create the platform CA: " + e.getMessage(), e);
        }
    }

    private static void writeTrustStore(Path file, X509Certificate ca, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("opencustoms-platform-ca", ca);
        Path temporary = Files.createTempFile(file.getParent(), "truststore", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password.toCharArray());
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(159, RANDOM);
    }

    /** Whether the certificate in the file is still valid this long from now. */
    static boolean validFor(Path file, Duration margin) {
        try {
            return Files.exists(file) && readCertificate(file).getNotAfter().toInstant().isAfter(Instant.now().plus(margin));
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

}
