package org.opencustoms.platform.cli;

import java.nio.file.Path;
import java.util.List;

/** Where the platform on this machine lives: its home, its data directory and its database's port. */
public record PlatformOptions(Path home, Path dataDirectory, int databasePort) {

    /**
     * The options a bin/platform command line such as {@code up --data-dir DIR --db-port PORT} gives the platform it
     * starts, parsed as bin/platform parses them; a bad one is a {@link PlatformException}.
     */
    public static PlatformOptions parse(List<String> args, Path home) {
        return PlatformCli.options(args, home);
    }
}
