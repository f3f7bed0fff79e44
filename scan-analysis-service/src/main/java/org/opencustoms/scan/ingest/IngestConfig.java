package org.opencustoms.scan.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits of the gRPC ingest; every one of them protects the service from a misbehaving scanner. */
@ConfigMapping(prefix = "scan.ingest")
public interface IngestConfig {

    /** The largest payload accepted (default 512 MiB: a dual-energy 40 ft scan is about 45 MB). */
    @WithDefault("536870912")
    long maxScanBytes();

    /** Uploads beyond this are refused at once with RESOURCE_EXHAUSTED rather than queued. */
    @WithDefault("32")
    int maxConcurrentUploads();

    /** An interrupted upload may be resumed for this long; then its partial payload is deleted. */
    @WithDefault("PT24H")
    Duration partialUploadTtl();

    /** The server makes the received bytes durable and acknowledges them every this many bytes. */
    @WithDefault("4194304")
    int ackEveryBytes();

    /** Uploads that would leave less than this free on the store's disk are refused until space is freed. */
    long minFreeBytes();

    /** Development only: accept uploads without TLS, each taken at its header's word as to which scanner sent it. */
    @WithDefault("false")
    boolean allowPlaintext();
}
