package org.opencustoms.scan.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Mutual TLS on the gRPC port of the service under test, with {@link TestPki}'s certificates. */
public class IngestTlsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestPki.serverConfig();
    }

    @Override
    public void stop() {
    }
}
