package org.opencustoms.scan.ingest;

import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;

/** What operators watch on /q/metrics: uploads by how they ended, and payload bytes received. */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter bytesReceived;

    @Inject
    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytesReceived = Counter.builder("scan.ingest.bytes.received")
                .description("Payload bytes written to staging by scan uploads")
                .baseUnit("bytes")
                .register(registry);
    }

    void received(long bytes) {
        bytesReceived.increment(bytes);
    }

    void stored() {
        ended("stored");
    }

    void duplicate() {
        ended("duplicate");
    }

    void refused(Status.Code code) {
        ended(code.name().toLowerCase(Locale.ROOT));
    }

    void interrupted() {
        ended("interrupted");
    }

    private void ended(String outcome) {
        registry.counter("scan.ingest.uploads", "outcome", outcome).increment();
    }
}
