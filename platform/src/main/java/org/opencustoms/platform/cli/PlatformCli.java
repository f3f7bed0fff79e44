package org.opencustoms.platform.cli;

import org.opencustoms.platform.audit.LogAuditor;
import org.opencustoms.platform.bench.Benchmarks;
import org.opencustoms.platform.demo.DemoShift;
import org.opencustoms.platform.identity.TokenCommand;
import org.opencustoms.platform.pki.CaCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of bin/platform. Exit status: 0 done, 1 failed or bad usage ("platform: ..." on stderr, with the
 * command's usage when the usage was bad), 2 random-draws verification failed, 3 status found the platform not
 * running or a service not ready.
 */
@Command(name = "bin/platform", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Runs the customs inspection platform on this machine, and the operator's tasks around it.",
        subcommands = {PlatformCli.Up.class, PlatformCli.Demo.class, PlatformCli.Down.class, PlatformCli.Status.class, PlatformCli.Bench.class,
            TokenCommand.class, CaCommand.class, PlatformCli.RandomDraws.class, LogKeyCommand.class},
        footer = {"", "bin/platform also runs the tools: risk-model, scan-sim, scan-model and scanner-sim "
                + "(each takes --help)."})
public final class PlatformCli implements Runnable {

    static final String DEFAULT_DATA_DIRECTORY = ".platform-data";
    static final int DEFAULT_DATABASE_PORT = 54320;

    private final Path home;
    private final PrintStream out;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "the data directory, relative to the platform's home (default: $PLATFORM_DATA_DIR, else "
                    + DEFAULT_DATA_DIRECTORY + ")")
    String dataDir;

    private PlatformCli(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("platform.home", ".")).toAbsolutePath().normalize();
        System.exit(commandLine(home, System.out, System.err).execute(args));
    }

    private static CommandLine commandLine(Path home, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new PlatformCli(home, out))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        configure(commandLine);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            PrintWriter writer = command.getErr();
            if (e instanceof UnmatchedArgumentException unmatched && !command.getSubcommands().isEmpty()
                    && !unmatched.getUnmatched().get(0).startsWith("-")) {
                writer.println("platform: unknown command '" + unmatched.getUnmatched().get(0) + "'; use "
                        + String.join(", ", command.getSubcommands().keySet()));
            } else {
                writer.println("platform: " + e.getMessage());
            }
            if (!UnmatchedArgumentException.printSuggestions(e, writer)) {
                command.usage(writer);
            }
            writer.flush();
            return 1;
        });
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof PlatformException) {
                err.println("platform: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine;
    }

    /** Every command: "usage:" as the platform has always written it, options in the order declared, the jar's version. */
    private static void configure(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().synopsisHeading("usage: ").sortOptions(false).sortSynopsis(false);
        commandLine.getCommandSpec().versionProvider(new Version());
        commandLine.getSubcommands().values().forEach(PlatformCli::configure);
    }

    /** What a command line means for the platform it starts (used by {@link PlatformOptions#parse}). */
    static PlatformOptions options(List<String> args, Path home) {
        CommandLine commandLine = commandLine(home, System.out, System.err);
        try {
            CommandLine.ParseResult parsed = commandLine.parseArgs(args.toArray(String[]::new));
            while (parsed.hasSubcommand()) {
                parsed = parsed.subcommand();
            }
            if (parsed.commandSpec().userObject() instanceof LocalPlatformCommand command) {
                return command.options();
            }
            throw new PlatformException("'" + String.join(" ", args) + "' does not run the platform: use up, demo, down or status");
        } catch (ParameterException e) {
            throw new PlatformException(e.getMessage());
        }
    }

    @Override
    public void run() {
        throw missingCommand(spec);
    }

    /** The usage error of a command run without one of its subcommands. */
    public static ParameterException missingCommand(CommandSpec spec) {
        return new ParameterException(spec.commandLine(), "missing command; use " + String.join(", ", spec.subcommands().keySet()));
    }

    /** The platform's home: the directory bin/platform is in the {@code bin} of. */
    public Path home() {
        return home;
    }

    /** Where the commands write: stdout, or the caller's stream. */
    public PrintStream out() {
        return out;
    }

    /** {@code --data-dir}, else {@code $PLATFORM_DATA_DIR}, else {@code .platform-data}; relative to the home. */
    public Path dataDirectory() {
        String directory = dataDir;
        if (directory == null) {
            String fromEnvironment = System.getenv("PLATFORM_DATA_DIR");
            directory = fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : DEFAULT_DATA_DIRECTORY;
        }
        return home.resolve(directory).toAbsolutePath().normalize();
    }

    /** up, demo, down and status: the platform on this machine, its database on {@code --db-port}. */
    abstract static class LocalPlatformCommand implements Callable<Integer> {

        @ParentCommand
        PlatformCli cli;

        @Spec
        CommandSpec spec;

        @Option(names = "--db-port", paramLabel = "PORT",
                description = "the embedded PostgreSQL's port (default " + DEFAULT_DATABASE_PORT + ")")
        int databasePort = DEFAULT_DATABASE_PORT;

        PlatformOptions options() {
            if (databasePort < 1 || databasePort > 65_535) {
                throw new ParameterException(spec.commandLine(), "not a port number: " + databasePort);
            }
            return new PlatformOptions(cli.home, cli.dataDirectory(), databasePort);
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Starts PostgreSQL and the services and waits until they are ready; Ctrl-C or 'down' stops them.")
    static final class Up extends LocalPlatformCommand {
        @Override
        public Integer call() {
            return cli.up(options());
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Like up (or on the platform already running), then drives a simulated shift through it "
                    + "and prints a summary.")
    static final class Demo extends LocalPlatformCommand {

        @Option(names = "--seed", paramLabel = "S", description = "the shift's seed (default: the time; the demo prints the seed it used)")
        Long seed;

        @Option(names = "--filings", paramLabel = "N", description = "filings, 1 to 100000 (default ${DEFAULT-VALUE})")
        int filings = 200;

        @Option(names = "--scans", paramLabel = "N", description = "scans the simulated portal streams, 1 to 1000 (default ${DEFAULT-VALUE})")
        int scans = 3;

        @Override
        public Integer call() {
            if (filings < 1 || filings > 100_000) {
                throw new ParameterException(spec.commandLine(), "--filings takes 1 to 100000");
            }
            if (scans < 1 || scans > 1_000) {
                throw new ParameterException(spec.commandLine(), "--scans takes 1 to 1000");
            }
            return cli.demo(options(), seed == null ? System.currentTimeMillis() : seed, filings, scans);
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Like demo, but measures: runs a benchmark against the platform and prints its figures beside "
                    + "a baseline of the same work measured in the same run (see docs/benchmarks.md).")
    static final class Bench extends LocalPlatformCommand {

        @CommandLine.Parameters(paramLabel = "NAME", description = "selection, ingest, analysis, inspection, audit or all")
        String name;

        @Option(names = "--seconds", paramLabel = "S", description = "each measured run, 1 to 600 s (default ${DEFAULT-VALUE})")
        int seconds = 30;

        @Option(names = "--warm-up", paramLabel = "S", description = "the untimed warm-up first, 0 to 600 s (default ${DEFAULT-VALUE}: "
                + "on 2 cores a fresh service's JIT needs minutes of load to settle)")
        int warmUp = 120;

        @Option(names = "--connections", paramLabel = "N", description = "the closed loops' concurrency, 1 to 256 (default ${DEFAULT-VALUE})")
        int connections = 16;

        @Option(names = "--rates", paramLabel = "R", split = ",",
                description = "open-loop offered rates per second (default: a quarter, half and three quarters of the sustained rate)")
        List<Double> rates = List.of();

        @Option(names = "--scans", paramLabel = "N", description = "ingest and analysis: scans measured a size, 1 to 100 (default ${DEFAULT-VALUE})")
        int scans = 8;

        @Option(names = "--warm-up-scans", paramLabel = "N",
                description = "ingest and analysis: unmeasured full-resolution scans first (ingest: before each size; analysis: once through the service, and before each size in-process), 0 to 200 (default ${DEFAULT-VALUE})")
        int warmUpScans = 20;

        @Option(names = "--scales", paramLabel = "F", split = ",",
                description = "ingest and analysis: scan sizes relative to full resolution, above 0 up to 1 (default ${DEFAULT-VALUE})")
        List<Double> scales = List.of(0.25, 0.5, 1.0);

        @Option(names = "--log-sizes", paramLabel = "N", split = ",",
                description = "audit: the sizes of the decision log it is measured at, increasing, 100 to 5000000 (default ${DEFAULT-VALUE}); "
                        + "it generates the decisions it lacks straight into the database")
        List<Long> logSizes = List.of(10_000L, 100_000L, 1_000_000L);

        @Override
        public Integer call() {
            if (!Benchmarks.NAMES.contains(name)) {
                throw new ParameterException(spec.commandLine(), "no benchmark named " + name + "; use selection, ingest, analysis, inspection, audit or all");
            }
            if (scans < 1 || scans > 100 || warmUpScans < 0 || warmUpScans > 200 || scales.isEmpty()
                    || scales.stream().anyMatch(scale -> !(scale > 0 && scale <= 1))) {
                throw new ParameterException(spec.commandLine(),
                        "--scans takes 1 to 100, --warm-up-scans 0 to 200 and --scales sizes above 0 up to 1");
            }
            if (seconds < 1 || seconds > 600 || warmUp < 0 || warmUp > 600) {
                throw new ParameterException(spec.commandLine(), "--seconds takes 1 to 600 and --warm-up 0 to 600");
            }
            if (connections < 1 || connections > 256) {
                throw new ParameterException(spec.commandLine(), "--connections takes 1 to 256");
            }
            if (rates.stream().anyMatch(rate -> !(rate >= 1 && rate <= 100_000))) {
                throw new ParameterException(spec.commandLine(), "--rates takes rates from 1 to 100000 per second");
            }
            if (logSizes.isEmpty() || logSizes.stream().anyMatch(size -> size < 100 || size > 5_000_000)
                    || !logSizes.equals(logSizes.stream().sorted().distinct().toList())) {
                throw new ParameterException(spec.commandLine(), "--log-sizes takes increasing sizes from 100 to 5000000");
            }
            String commandLine = "bin/platform " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            Benchmarks.Request request = new Benchmarks.Request(name, Duration.ofSeconds(warmUp), Duration.ofSeconds(seconds),
                    connections, rates, scans, warmUpScans, scales, logSizes, commandLine);
            PlatformOptions options = options();
            return cli.onPlatform(options, () -> {
                Benchmarks.run(request, options, cli.out);
                return 0;
            });
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Stops what 'up' started, or what a killed launcher left running.")
    static final class Down extends LocalPlatformCommand {
        @Override
        public Integer call() {
            return cli.down(options());
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Whether the platform runs and each service is ready (exit status 3 if not).")
    static final class Status extends LocalPlatformCommand {
        @Override
        public Integer call() {
            return cli.status(options());
        }
    }

    @Command(name = "random-draws", mixinStandardHelpOptions = true, subcommands = RandomDraws.Verify.class,
            synopsisSubcommandLabel = "COMMAND", description = "The independent auditor's check of the random draws.")
    static final class RandomDraws implements Runnable {

        @ParentCommand
        PlatformCli cli;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw missingCommand(spec);
        }

        @Command(name = "verify", mixinStandardHelpOptions = true,
                description = "Verifies the decision log and a period's random draws from outside (exit status 2 if they do not verify).")
        static final class Verify implements Callable<Integer> {

            @ParentCommand
            RandomDraws randomDraws;

            @Option(names = "--period", required = true, paramLabel = "YYYY-MM-DD", converter = Day.class,
                    description = "a disclosed UTC day (with an auditor's --token, any day that has ended)")
            LocalDate period;

            @Option(names = "--selection", paramLabel = "URL", description = "selection-service (default ${DEFAULT-VALUE})")
            String selection = ServiceSpec.SELECTION.baseUrl();

            @Option(names = "--token", paramLabel = "TOKEN", description = "an auditor's bearer token (bin/platform token --role auditor)")
            String token;

            @Override
            public Integer call() {
                PlatformCli cli = randomDraws.cli;
                try {
                    boolean verified = new LogAuditor(selection, token, cli.out)
                            .rememberingIn(cli.dataDirectory().resolve("auditor").resolve("state.json"))
                            .verifyRandomDraws(period.toString());
                    cli.out.println(verified ? "VERIFIED" : "VERIFICATION FAILED");
                    return verified ? 0 : 2;
                } catch (java.security.GeneralSecurityException e) {
                    throw new PlatformException("cryptography unavailable: " + e.getMessage(), e);
                }
            }
        }
    }

    /** A day as YYYY-MM-DD. */
    static final class Day implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("a day as YYYY-MM-DD, got: " + text);
            }
        }
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

    private int demo(PlatformOptions options, long seed, int filings, int scans) {
        return onPlatform(options, () -> new DemoShift(options, seed, filings, scans, out).run());
    }

    /** Runs {@code work} on the platform already running on the data directory, else on one started for it. */
    private int onPlatform(PlatformOptions options, java.util.function.IntSupplier work) {
        Optional<Long> running = InstanceLock.runningPid(options.dataDirectory());
        if (running.isPresent()) {
            out.printf("Using the platform already running (pid %d).%n", running.get());
            return work.getAsInt();
        }
        try (RunningPlatform platform = RunningPlatform.start(options, out)) {
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-shutdown"));
            return work.getAsInt();
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

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code -V}: the version in the platform jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PlatformCli.class.getPackage().getImplementationVersion();
            return new String[] {"customs platform " + (version == null ? "(development build)" : version)};
        }
    }
}
