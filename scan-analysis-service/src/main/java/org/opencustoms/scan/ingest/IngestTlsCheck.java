package org.opencustoms.scan.ingest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/** The scanners' port is never plain text by accident: without its TLS certificate the service does not start. */
@ApplicationScoped
public class IngestTlsCheck {

    private static final Logger LOG = Logger.getLogger(IngestTlsCheck.class);

    void onStart(@Observes StartupEvent event, Config config, IngestConfig ingest) {
        boolean tls = config.getOptionalValue("quarkus.grpc.server.ssl.certificate", String.class).isPresent();
        boolean trust = config.getOptionalValue("quarkus.grpc.server.ssl.trust-store", String.class).isPresent();
        if (tls && !trust) {
            // without it the JDK's public CAs would vouch for scanners
            throw new IllegalStateException("the scanners' gRPC port has a certificate but no trust store: set "
                    + "QUARKUS_GRPC_SERVER_SSL_TRUST_STORE to the platform CA's (bin/platform ca init makes it)");
        }
        if (tls) {
            return;
        }
        if (!ingest.allowPlaintext()) {
            throw new IllegalStateException("the scanners' gRPC port has no TLS certificate: set QUARKUS_GRPC_SERVER_SSL_CERTIFICATE, "
                    + "_KEY, _TRUST_STORE and _TRUST_STORE_PASSWORD (bin/platform ca init makes them), or SCAN_INGEST_ALLOW_PLAINTEXT=true "
                    + "for development only");
        }
        LOG.warn("SCAN_INGEST_ALLOW_PLAINTEXT is on: scans are accepted without TLS, from anyone, under any scanner id");
    }
}
