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

    /** Start times come from /proc and the boot time, which may shift by a second between readings. */
    private static final long START_TOLERANCE_MILLIS = 2_000;

    record Child(long pid, long startedMillis, String name, String command) {
        /** The same process: same pid, started at the same time, running the same program. */
        Optional<ProcessHandle> alive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> {
                long started = handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
                return started > 0 && startedMillis > 0 && Math.abs(started - startedMillis) <= START_TOLERANCE_MILLIS
                        && handle.info().command().orElse("").equals(command);
            });
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
        String command = process.info().command().orElse("");
        try {
            Files.writeString(dataDirectory.resolve(FILE), process.pid() + " " + started + " " + name + " " + command + "\n",
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
                String[] parts = line.trim().split(" ", 4);
                if (parts.length == 4) {
                    Child child = new Child(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2], parts[3]);
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

    /**
     * Stops the services first (SIGTERM), PostgreSQL last (SIGINT: its fast shutdown, which does not wait for clients),
     * each killed if it has not stopped after the grace period, and clears the record.
     */
    static void stop(Path dataDirectory, List<Child> children, PrintStream out) {
        List<Child> ordered = new ArrayList<>(children.stream().filter(c -> !c.name().equals("postgresql")).toList());
        ordered.addAll(children.stream().filter(c -> c.name().equals("postgresql")).toList());
        for (Child child : ordered) {
            child.alive().ifPresent(handle -> {
                if (child.name().equals("postgresql")) {
                    interrupt(handle);
                } else {
                    handle.destroy();
                }
                boolean stopped = waitFor(handle, ServiceSpec.STOP_GRACE.toSeconds());
                if (!stopped) {
                    handle.destroyForcibly();
                    waitFor(handle, 10);
                }
                out.printf("  stopped %s (pid %d)%s%n", child.name(), child.pid(), stopped ? "" : " by force");
            });
        }
        begin(dataDirectory);
    }

    private static void interrupt(ProcessHandle handle) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(handle.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            handle.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitFor(ProcessHandle handle, long seconds) {
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
