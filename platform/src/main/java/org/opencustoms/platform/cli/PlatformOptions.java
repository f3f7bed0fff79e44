package org.opencustoms.platform.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command line of bin/platform: a command followed by {@code --name value} options. */
public record PlatformOptions(String command, String subcommand, Path home, Path dataDirectory, int databasePort,
                              Map<String, String> extra) {

    static final String DEFAULT_DATA_DIRECTORY = ".platform-data";
    static final int DEFAULT_DATABASE_PORT = 54320;
    private static final java.util.Set<String> WITH_SUBCOMMAND = java.util.Set.of("random-draws", "ca");

    public static PlatformOptions parse(List<String> args, Path home) {
        if (args.isEmpty()) {
            throw new PlatformException("usage: bin/platform up|demo|down|status [--data-dir DIR] [--db-port PORT], "
                    + "or bin/platform random-draws verify --period YYYY-MM-DD");
        }
        String command = args.get(0);
        int first = 1;
        String subcommand = null;
        if (WITH_SUBCOMMAND.contains(command)) {
            if (args.size() < 2 || args.get(1).startsWith("--")) {
                throw new PlatformException(command + " needs a subcommand, e.g. bin/platform " + command + " verify");
            }
            subcommand = args.get(1);
            first = 2;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = first; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new PlatformException("expected --option value, got: " + name);
            }
            options.put(name.substring(2), args.get(++i));
        }
        String envDataDir = System.getenv("PLATFORM_DATA_DIR");
        String dataDir = options.remove("data-dir");
        if (dataDir == null) {
            dataDir = envDataDir != null && !envDataDir.isBlank() ? envDataDir : DEFAULT_DATA_DIRECTORY;
        }
        Path dataDirectory = home.resolve(dataDir).toAbsolutePath().normalize();
        int databasePort = parsePort(options.remove("db-port"), DEFAULT_DATABASE_PORT);
        return new PlatformOptions(command, subcommand, home, dataDirectory, databasePort, Map.copyOf(options));
    }

    private static int parsePort(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new PlatformException("not a port number: " + value);
        }
    }

    public String option(String name, String fallback) {
        return extra.getOrDefault(name, fallback);
    }

    public long longOption(String name, long fallback) {
        String value = extra.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new PlatformException("--" + name + " takes a whole number, got: " + value);
        }
    }
}
