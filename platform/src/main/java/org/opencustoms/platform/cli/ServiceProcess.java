package org.opencustoms.platform.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service started as a child JVM: its output goes to a log file in the data directory. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;

    ProcessHandle handle() {
        return process.toHandle();
    }

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    static ServiceProcess start(ServiceSpec spec, Path home, Path logDirectory, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(currentJava());
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx" + spec.maxHeap());
        command.add("-jar");
        command.add(spec.runnerJar(home).toString());
        Path logFile = logDirectory.resolve(spec.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(spec, builder.start(), logFile);
        } catch (IOException e) {
            throw new PlatformException("could not start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private static String currentJava() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new PlatformException(spec.name() + " exited with code " + process.exitValue()
                        + " while starting; see " + logFile);
            }
            if (isReady(spec)) {
                return;
            }
            sleep(250);
        }
        throw new PlatformException(spec.name() + " was not ready after " + timeout.toSeconds() + " s; see " + logFile);
    }

    static boolean isReady(ServiceSpec spec) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the service to stop (SIGTERM, so Quarkus shuts down gracefully) and kills it if it does not. */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(ServiceSpec.STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    Path logFile() {
        return logFile;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while waiting for services");
        }
    }
}
