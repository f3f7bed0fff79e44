package org.opencustoms.platform.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes a run of {@code bin/platform up} started (PostgreSQL and the services), written down as they start,
 * so that after the launcher was killed ({@code SIGKILL} gives it no chance to stop them) the next {@code up},
 * {@code status} and {@code down} recognise them and can stop them. A process is recognised by its pid and its
 * start time, so a pid the system gave to another process since is left alone.
 */
final class PreviousRun {

    static final String FILE = "platform.children";

    record Child(long pid, long startedMillis, String name) {
        Optional<ProcessHandle> alive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == startedMillis);
        }
    }

    private PreviousRun() {
    }

    /** Starts a new record: the previous one names no live process any more (see {@link #stop}). */
    static void begin(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve(FILE), "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlatformException("cannot write " + dataDirectory.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    static void started(Path dataDirectory, String name, ProcessHandle process) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
        try {
            Files.writeString(dataDirectory.resolve(FILE), process.pid() + " " + started + " " + name + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new PlatformException("cannot write " + dataDirectory.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** PostgreSQL runs detached from the launcher (pg_ctl); its postmaster's pid is the first line of postmaster.pid. */
    static void startedPostgres(Path dataDirectory, Path postgresData) {
        try {
            long pid = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(handle -> started(dataDirectory, "postgresql", handle));
        } catch (IOException | RuntimeException e) {
            throw new PlatformException("cannot read PostgreSQL's pid in " + postgresData + ": " + e.getMessage(), e);
        }
    }

    /** The recorded processes still alive; none once a run stopped cleanly. */
    static List<Child> leftovers(Path dataDirectory) {
        List<Child> alive = new ArrayList<>();
        try {
            Path file = dataDirectory.resolve(FILE);
            if (!Files.exists(file)) {
                return alive;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ", 3);
                if (parts.length == 3) {
                    Child child = new Child(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]);
                    child.alive().ifPresent(handle -> alive.add(child));
                }
            }
            return alive;
        } catch (IOException | NumberFormatException e) {
            return alive;
        }
    }

    static String describe(List<Child> children) {
        return children.stream().map(c -> c.name() + " (pid " + c.pid() + ")").reduce((a, b) -> a + ", " + b).orElse("none");
    }

    /** Stops the services first, PostgreSQL last (SIGTERM, then SIGKILL after the grace period), and clears the record. */
    static void stop(Path dataDirectory, List<Child> children, PrintStream out) {
        List<Child> ordered = new ArrayList<>(children.stream().filter(c -> !c.name().equals("postgresql")).toList());
        ordered.addAll(children.stream().filter(c -> c.name().equals("postgresql")).toList());
        for (Child child : ordered) {
            child.alive().ifPresent(handle -> {
                handle.destroy();
                boolean stopped = waitFor(handle, 30);
                if (!stopped) {
                    handle.destroyForcibly();
                    waitFor(handle, 10);
                }
                out.printf("  stopped %s (pid %d)%s%n", child.name(), child.pid(), stopped ? "" : " by force");
            });
        }
        begin(dataDirectory);
    }

    private static boolean waitFor(ProcessHandle handle, int seconds) {
        try {
            handle.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }
}
