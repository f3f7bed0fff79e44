package org.opencustoms.platform.bench;

import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.cli.PlatformOptions;
import org.opencustoms.platform.cli.ServiceSpec;
import org.opencustoms.platform.identity.PlatformKeys;
import org.opencustoms.platform.identity.TokenIssuer;
import org.opencustoms.platform.postgres.EmbeddedDatabase;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** {@code bin/platform bench}: the benchmarks against the platform running on this machine. */
public final class Benchmarks {

    /** What a benchmark run asks for; {@code smoke} runs each step for seconds only, so that CI keeps them working. */
    public record Request(String name, Duration warmUp, Duration duration, int connections, List<Double> offeredRates,
                          String commandLine) {
    }

    private Benchmarks() {
    }

    /** Runs the benchmark against the platform of {@code options} (which must be up) and returns the runs' figures. */
    public static List<LoadResult> run(Request request, PlatformOptions options, PrintStream out) {
        out.println(Machine.current().describe());
        out.println("command: " + request.commandLine());
        TokenIssuer tokens = TokenIssuer.forKeys(PlatformKeys.loadOrCreate(options.dataDirectory()));
        String databaseServer = "jdbc:postgresql://localhost:" + options.databasePort();
        try {
            return new SelectionBench(ServiceSpec.SELECTION.baseUrl(), tokens, databaseServer, EmbeddedDatabase.SUPERUSER, out)
                    .run(new SelectionBench.Settings(request.warmUp(), request.duration(), request.connections(),
                            request.offeredRates()));
        } catch (SQLException e) {
            throw new PlatformException("the plain JDBC baseline could not use the database: " + e.getMessage(), e);
        }
    }
}
