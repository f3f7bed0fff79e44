package org.opencustoms.platform.cli;

import org.opencustoms.platform.audit.LogAuditor;
import org.opencustoms.platform.demo.DemoShift;
import org.opencustoms.platform.identity.TokenCommand;
import org.opencustoms.platform.pki.CaCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Entry point of bin/platform. */
public final class PlatformCli {

    private final PrintStream out;

    private PlatformCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("platform.home", ".")).toAbsolutePath().normalize();
        try {
            PlatformOptions options = PlatformOptions.parse(Arrays.asList(args), home);
            int code = new PlatformCli(System.out).run(options);
            System.exit(code);
        } catch (PlatformException e) {
            System.err.println("platform: " + e.getMessage());
            System.exit(1);
        }
    }

    int run(PlatformOptions options) {
        return switch (options.command()) {
            case "up" -> up(options);
            case "demo" -> demo(options);
            case "down" -> down(options);
            case "status" -> status(options);
            case "random-draws" -> randomDraws(options);
            case "log" -> LogKeyCommand.run(options, out);
            case "token" -> TokenCommand.run(options, out);
            case "ca" -> CaCommand.run(options, out);
            default -> throw new PlatformException("unknown command '" + options.command()
                    + "'; use up, demo, down, status, token, ca, random-draws, log or risk-model");
        };
    }

    private int up(PlatformOptions options) {
        Instant start = Instant.now();
        RunningPlatform platform = RunningPlatform.start(options, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the platform...");
            platform.close();
            stopped.countDown();
        }, "platform-shutdown"));
        platform.printUrls(out);
        out.printf("Ready in %.1f s. Press Ctrl-C (or run 'bin/platform down') to stop.%n",
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
        awaitQuietly(stopped);
        return 0;
    }

    private int demo(PlatformOptions options) {
        Optional<Long> running = InstanceLock.runningPid(options.dataDirectory());
        if (running.isPresent()) {
            out.printf("Using the platform already running (pid %d).%n", running.get());
            return new DemoShift(options, out).run();
        }
        try (RunningPlatform platform = RunningPlatform.start(options, out)) {
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-shutdown"));
            return new DemoShift(options, out).run();
        }
    }

    private int down(PlatformOptions options) {
        Optional<Long> running = InstanceLock.runningPid(options.dataDirectory());
        if (running.isEmpty()) {
            List<PreviousRun.Child> leftovers = PreviousRun.leftovers(options.dataDirectory());
            if (!leftovers.isEmpty()) {
                // holding the lock keeps an 'up' from starting while the record is cleared
                try (InstanceLock lock = InstanceLock.acquire(options.dataDirectory())) {
                    out.printf("The platform's launcher is gone but left %s running: stopping them%n", PreviousRun.describe(leftovers));
                    PreviousRun.stop(options.dataDirectory(), leftovers, out);
                }
                return 0;
            }
            out.println("The platform is not running on " + options.dataDirectory());
            return 0;
        }
        ProcessHandle handle = ProcessHandle.of(running.get()).orElseThrow();
        handle.destroy();
        try {
            handle.onExit().get(90, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new PlatformException("the platform (pid " + running.get() + ") did not stop within 90 s");
        }
        out.println("Stopped the platform (pid " + running.get() + ").");
        return 0;
    }

    private int status(PlatformOptions options) {
        Optional<Long> running = InstanceLock.runningPid(options.dataDirectory());
        out.println(running.map(pid -> "platform: running (pid " + pid + ")").orElse("platform: not running"));
        List<PreviousRun.Child> leftovers = running.isPresent() ? List.of() : PreviousRun.leftovers(options.dataDirectory());
        if (!leftovers.isEmpty()) {
            out.printf("  but its killed launcher left %s running; 'bin/platform down' stops them%n", PreviousRun.describe(leftovers));
        }
        boolean allReady = true;
        for (ServiceSpec spec : ServiceSpec.all()) {
            boolean ready = ServiceProcess.isReady(spec);
            allReady &= ready;
            out.printf("  %-22s %-9s %s%n", spec.name(), ready ? "ready" : "not ready", spec.baseUrl());
        }
        return running.isPresent() && allReady ? 0 : 3;
    }

    private int randomDraws(PlatformOptions options) {
        if (!"verify".equals(options.subcommand())) {
            throw new PlatformException("usage: bin/platform random-draws verify --period YYYY-MM-DD [--selection URL] [--token TOKEN]");
        }
        String period = options.option("period", null);
        if (period == null) {
            throw new PlatformException("--period YYYY-MM-DD is required: a disclosed UTC day (with an auditor's --token, any day that has ended)");
        }
        String selection = options.option("selection", ServiceSpec.SELECTION.baseUrl());
        try {
            boolean verified = new LogAuditor(selection, options.option("token", null), out)
                    .rememberingIn(options.dataDirectory().resolve("auditor").resolve("state.json"))
                    .verifyRandomDraws(period);
            out.println(verified ? "VERIFIED" : "VERIFICATION FAILED");
            return verified ? 0 : 2;
        } catch (java.security.GeneralSecurityException e) {
            throw new PlatformException("cryptography unavailable: " + e.getMessage(), e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
