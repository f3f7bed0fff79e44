package org.opencustoms.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opencustoms.platform.identity.PlatformKeys;
import org.opencustoms.platform.identity.TokenIssuer;
import org.opencustoms.platform.identity.TokenRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/platform log rotate-key [--selection URL]}: retires the key that signs the decision log's tree heads and
 * starts signing with a new one, as a supervisor of the local platform (a token from the data directory's key).
 * Where the key comes from a Secret, selection-service refuses and says to replace the Secret instead.
 */
@Command(name = "log", mixinStandardHelpOptions = true, subcommands = LogKeyCommand.RotateKey.class,
        synopsisSubcommandLabel = "COMMAND", description = "The decision log's signing key.")
final class LogKeyCommand implements Runnable {

    @ParentCommand
    PlatformCli platform;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw PlatformCli.missingCommand(spec);
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = "Retires the key that signs the decision log's tree heads and starts signing with a new one.")
    static final class RotateKey implements Callable<Integer> {

        @ParentCommand
        LogKeyCommand log;

        @Option(names = "--selection", paramLabel = "URL", description = "selection-service (default ${DEFAULT-VALUE})")
        String selection = ServiceSpec.SELECTION.baseUrl();

        @Override
        public Integer call() {
            return rotate(selection, log.platform.dataDirectory(), log.platform.out());
        }
    }

    private static int rotate(String selection, Path dataDirectory, PrintStream out) {
        String token = TokenIssuer.forKeys(PlatformKeys.loadOrCreate(dataDirectory))
                .issue(new TokenRequest("platform-cli", "supervisor", List.of(), null, Duration.ofMinutes(5)));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(selection + "/api/v1/admin/log/signing-keys"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new PlatformException("selection-service answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode key = new ObjectMapper().readTree(response.body());
            out.printf("tree heads are now signed with key %s (created %s); earlier heads keep verifying with the keys that signed them%n",
                    key.get("keyId").asText(), key.get("createdAt").asText());
            return 0;
        } catch (IOException e) {
            throw new PlatformException("cannot reach selection-service at " + selection + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }
}
