package org.opencustoms.scan.ingest;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.opencustoms.proto.scan.v1.ScannerIdentity;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.proto.scan.v1.UploadRequest;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every gRPC call comes from a scanner the platform CA certified: the TLS handshake has already checked the
 * certificate's chain; this reads which scanner it names and holds each upload's header to it, so that no
 * scanner can upload as another or for another site (PERMISSION_DENIED, before anything is staged).
 */
@ApplicationScoped
@GlobalInterceptor
public class ScannerAuthentication implements ServerInterceptor {

    private static final Logger LOG = Logger.getLogger(ScannerAuthentication.class);
    /** A URI in the subject alternative names, as X509Certificate numbers the kinds. */
    private static final int URI_NAME = 6;

    private final boolean plaintextAllowed;

    @Inject
    public ScannerAuthentication(IngestConfig config) {
        this.plaintextAllowed = config.allowPlaintext();
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        if (session == null) {
            if (plaintextAllowed) {
                return next.startCall(call, headers);
            }
            return refuse(call, Status.UNAUTHENTICATED.withDescription("scanners connect with mutual TLS and a certificate from the platform CA"));
        }
        Optional<ScannerIdentity> scanner = scannerOf(session);
        if (scanner.isEmpty()) {
            return refuse(call, Status.PERMISSION_DENIED.withDescription("the client certificate names no scanner "
                    + "(a URI subject alternative name urn:opencustoms:scanner:<id>:site:<LOCODE>)"));
        }
        return new HeldToCertificate<>(next.startCall(call, headers), call, scanner.get());
    }

    /** The scanner the peer's certificate names. */
    static Optional<ScannerIdentity> scannerOf(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                return Optional.empty();
            }
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            if (names == null) {
                return Optional.empty();
            }
            return names.stream().filter(name -> Integer.valueOf(URI_NAME).equals(name.get(0)))
                    .map(name -> ScannerIdentity.fromUri(String.valueOf(name.get(1))))
                    .flatMap(Optional::stream).findFirst();
        } catch (SSLPeerUnverifiedException | CertificateParsingException e) {
            return Optional.empty();
        }
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    /** Passes the call on while its upload header names the certificate's scanner and site; closes it otherwise. */
    private static final class HeldToCertificate<Q> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {

        private final ServerCall<Q, ?> call;
        private final ScannerIdentity scanner;
        private boolean refused;

        HeldToCertificate(ServerCall.Listener<Q> delegate, ServerCall<Q, ?> call, ScannerIdentity scanner) {
            super(delegate);
            this.call = call;
            this.scanner = scanner;
        }

        @Override
        public void onMessage(Q message) {
            if (refused) {
                return;
            }
            if (message instanceof UploadRequest request && request.hasHeader() && !names(request.getHeader())) {
                refused = true;
                LOG.warnf("scanner %s at %s sent a header as scanner %s at %s; refused", scanner.id(), scanner.site(),
                        request.getHeader().getScannerId(), request.getHeader().getSite());
                call.close(Status.PERMISSION_DENIED.withDescription("this certificate is scanner " + scanner.id() + " at " + scanner.site()
                        + "; the header names scanner " + request.getHeader().getScannerId() + " at " + request.getHeader().getSite()), new Metadata());
                return;
            }
            super.onMessage(message);
        }

        @Override
        public void onHalfClose() {
            if (!refused) {
                super.onHalfClose();
            }
        }

        @Override
        public void onReady() {
            if (!refused) {
                super.onReady();
            }
        }

        private boolean names(ScanHeader header) {
            return scanner.id().equals(header.getScannerId()) && scanner.site().equals(header.getSite());
        }
    }
}
