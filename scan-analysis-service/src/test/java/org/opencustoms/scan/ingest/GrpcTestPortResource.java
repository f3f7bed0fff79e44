package org.opencustoms.scan.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** Gives the gRPC server of the service under test a free port (Quarkus takes no port 0 for it). */
public class GrpcTestPortResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return Map.of("quarkus.grpc.server.test-port", Integer.toString(probe.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the gRPC server", e);
        }
    }

    @Override
    public void stop() {
    }
}
