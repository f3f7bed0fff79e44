package org.opencustoms.platform.cli;

import org.opencustoms.platform.identity.PlatformKeys;
import org.opencustoms.platform.identity.TokenIssuer;
import org.opencustoms.platform.identity.TokenRequest;
import org.opencustoms.platform.pki.CaCommand;
import org.opencustoms.platform.pki.PlatformCa;
import org.opencustoms.platform.postgres.EmbeddedDatabase;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One embedded PostgreSQL and the three services, started together and stopped together. Closing it (or
 * the JVM's shutdown hook on Ctrl-C) stops every process it started. The resilience tests also kill, stop
 * and restart single services.
 */
public final class RunningPlatform implements AutoCloseable {

    /**
     * A service that exits is reported at once; one still starting may be migrating a large database (selection's V9
     * rewrites every filing version), so it is given minutes.
     */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SERVICE_TOKEN_TTL = Duration.ofDays(30);

    private final InstanceLock lock;
    private final EmbeddedDatabase database;
    private final List<ServiceProcess> services;
    private final PlatformOptions options;
    private final Map<String, String> overrides;
    private boolean closed;

    private RunningPlatform(InstanceLock lock, EmbeddedDatabase database, List<ServiceProcess> services, PlatformOptions options,
                            Map<String, String> overrides) {
        this.lock = lock;
        this.database = database;
        this.services = new ArrayList<>(services);
        this.options = options;
        this.overrides = Map.copyOf(overrides);
    }

    static RunningPlatform start(PlatformOptions options, PrintStream out) {
        return start(options, out, Map.of());
    }

    /** {@code overrides}: environment variables every service gets on top of the embedded defaults. */
    public static RunningPlatform start(PlatformOptions options, PrintStream out, Map<String, String> overrides) {
        Path home = options.home();
        Path dataDirectory = options.dataDirectory();
        Preflight.requireWritable(dataDirectory);
        InstanceLock lock = InstanceLock.acquire(dataDirectory);
        List<PreviousRun.Child> leftovers = PreviousRun.leftovers(dataDirectory);
        if (!leftovers.isEmpty()) {
            out.printf("The previous run's launcher was killed and left %s running: stopping them%n", PreviousRun.describe(leftovers));
            PreviousRun.stop(dataDirectory, leftovers, out);
        }
        PreviousRun.begin(dataDirectory);
        EmbeddedDatabase database = null;
        List<ServiceProcess> started = new ArrayList<>();
        try {
            Preflight.requireBuilt(home, ServiceSpec.all());
            Preflight.requireFreePort(options.databasePort(), "embedded PostgreSQL");
            ServiceSpec.all().forEach(s -> Preflight.requireFreePort(s.port(), s.name()));
            Preflight.requireFreePort(ServiceSpec.SCAN_INGEST_GRPC_PORT, "scan-analysis-service gRPC");

            out.printf("Starting PostgreSQL on port %d (data in %s)%n", options.databasePort(), home.relativize(dataDirectory));
            database = EmbeddedDatabase.startPersistent(dataDirectory.resolve("postgres"), options.databasePort());
            PreviousRun.startedPostgres(dataDirectory, dataDirectory.resolve("postgres"));
            Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
            PlatformKeys keys = PlatformKeys.loadOrCreate(dataDirectory);
            for (ServiceSpec spec : ServiceSpec.all()) {
                database.createDatabaseIfMissing(spec.database());
                Path serviceData = Files.createDirectories(dataDirectory.resolve(spec.name()));
                out.printf("Starting %s on port %d%n", spec.name(), spec.port());
                ServiceProcess service = ServiceProcess.start(spec, home, logs, environment(home, spec, database, serviceData, keys, overrides));
                started.add(service);
                PreviousRun.started(dataDirectory, spec.name(), service.handle());
            }
            for (ServiceProcess service : started) {
                service.awaitReady(READY_TIMEOUT);
                out.printf("  %-22s ready  %s  (log: %s)%n", service.spec().name(), service.spec().baseUrl(),
                        home.relativize(service.logFile()));
            }
            return new RunningPlatform(lock, database, started, options, overrides);
        } catch (IOException e) {
            stopAll(started, database, lock);
            throw new PlatformException("could not prepare " + dataDirectory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stopAll(started, database, lock);
            throw e;
        }
    }

    private static Map<String, String> environment(Path home, ServiceSpec spec, EmbeddedDatabase database, Path serviceData,
                                                   PlatformKeys keys, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        // the embedded default: local passwords and keys kept in the data directory are expected here
        env.put("PLATFORM_EMBEDDED", "true");
        env.put("MP_JWT_VERIFY_PUBLICKEY", keys.publicKeyBase64());
        // each service calls its peers as itself; a restart of 'up' issues fresh tokens
        env.put("SERVICE_TOKEN", TokenIssuer.forKeys(keys).issue(TokenRequest.forService(spec.name(), SERVICE_TOKEN_TTL)));
        if (spec.equals(ServiceSpec.SCAN_ANALYSIS)) {
            env.putAll(ingestTls(serviceData.getParent()));
        }
        if (spec.signsInUsers()) {
            // the embedded default's sign-in for the web apps; in production the OIDC provider signs users in
            env.put("SMALLRYE_JWT_SIGN_KEY", keys.privateKeyBase64());
        }
        Path shippedModel = home.resolve("selection-service/models/customs-declarations");
        if (spec == ServiceSpec.SELECTION && Files.isDirectory(shippedModel) && System.getenv("SELECTION_MODEL_DIR") == null) {
            env.put("SELECTION_MODEL_DIR", shippedModel.toString());
        }
        env.put("DB_URL", database.url(spec.database()));
        env.put("DB_USER", EmbeddedDatabase.SUPERUSER);
        env.put("DB_PASSWORD", EmbeddedDatabase.SUPERUSER);
        env.put("SERVICE_DATA_DIR", serviceData.toString());
        env.put("GRPC_PORT", Integer.toString(ServiceSpec.SCAN_INGEST_GRPC_PORT));
        env.put("SELECTION_URL", ServiceSpec.SELECTION.baseUrl());
        env.put("SCAN_ANALYSIS_URL", ServiceSpec.SCAN_ANALYSIS.baseUrl());
        env.put("INSPECTION_URL", ServiceSpec.INSPECTION.baseUrl());
        env.putAll(overrides);
        return env;
    }

    /** Mutual TLS on the scanners' gRPC port, with the data directory's platform CA. */
    private static Map<String, String> ingestTls(Path dataDirectory) {
        PlatformCa ca = PlatformCa.loadOrCreate(CaCommand.directory(dataDirectory));
        PlatformCa.Issued server = CaCommand.ensureIngestServer(ca);
        return Map.of(
                "QUARKUS_GRPC_SERVER_SSL_CERTIFICATE", server.certificate().toString(),
                "QUARKUS_GRPC_SERVER_SSL_KEY", server.key().toString(),
                "QUARKUS_GRPC_SERVER_SSL_TRUST_STORE", ca.trustStore().toString(),
                "QUARKUS_GRPC_SERVER_SSL_TRUST_STORE_PASSWORD", ca.trustStorePassword());
    }

    /** SIGKILL, as a crash or an OOM kill would: nothing in the service gets to run. */
    public synchronized void kill(ServiceSpec spec) {
        process(spec).handle().destroyForcibly();
        try {
            process(spec).handle().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new PlatformException(spec.name() + " did not die within 30 s of SIGKILL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while killing " + spec.name());
        }
    }

    /** SIGTERM, waiting for the graceful shutdown. */
    public synchronized void stop(ServiceSpec spec) {
        process(spec).stop();
    }

    /** Starts a service that was killed or stopped, and waits until it is ready. */
    public void restart(ServiceSpec spec) {
        ServiceProcess started;
        synchronized (this) {
            if (process(spec).handle().isAlive()) {
                throw new PlatformException(spec.name() + " is still running");
            }
            Path serviceData = options.dataDirectory().resolve(spec.name());
            started = ServiceProcess.start(spec, options.home(), options.dataDirectory().resolve("logs"),
                    environment(options.home(), spec, database, serviceData, PlatformKeys.loadOrCreate(options.dataDirectory()), overrides));
            services.set(services.indexOf(process(spec)), started);
            PreviousRun.started(options.dataDirectory(), spec.name(), started.handle());
        }
        started.awaitReady(READY_TIMEOUT);
    }

    /** A JDBC URL of the service's database, for checks that read what the service stored. */
    public String jdbcUrl(ServiceSpec spec) {
        return "jdbc:" + database.url(spec.database());
    }

    private ServiceProcess process(ServiceSpec spec) {
        return services.stream().filter(service -> service.spec().equals(spec)).findFirst()
                .orElseThrow(() -> new PlatformException("no " + spec.name() + " in this platform"));
    }

    void printUrls(PrintStream out) {
        out.println();
        out.println("The platform is up:");
        for (ServiceProcess service : services) {
            String base = service.spec().baseUrl();
            out.printf("  %-22s %s   (Swagger UI %s/q/swagger-ui, health %s/q/health/ready)%n",
                    service.spec().name(), base, base, base);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stopAll(services, database, lock);
        }
    }

    private static void stopAll(List<ServiceProcess> services, EmbeddedDatabase database, InstanceLock lock) {
        services.parallelStream().forEach(ServiceProcess::stop);
        if (database != null) {
            try {
                database.close();
            } catch (RuntimeException e) {
                // Ctrl-C reaches PostgreSQL through the terminal's process group too: it may already be down
            }
        }
        lock.close();
    }
}
