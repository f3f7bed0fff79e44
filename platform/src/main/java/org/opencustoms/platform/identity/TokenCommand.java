package org.opencustoms.platform.identity;

import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.cli.PlatformOptions;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/platform token --role ROLE [--port LOCODE[,LOCODE]] [--party ID] [--subject NAME] [--ttl DURATION]}:
 * a bearer token signed with the data directory's key, printed alone on the last line.
 */
public final class TokenCommand {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})([smhd])");
    private static final Duration DEFAULT_TTL = Duration.ofHours(8);

    private TokenCommand() {
    }

    public static int run(PlatformOptions options, PrintStream out) {
        String role = options.option("role", null);
        if (role == null) {
            throw new PlatformException("usage: bin/platform token --role ROLE [--port LOCODE[,LOCODE]] [--party ID] "
                    + "[--subject NAME] [--ttl 8h|30m|7d|PT8H]");
        }
        List<String> ports = Arrays.stream(options.option("port", "").split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
        TokenRequest request = new TokenRequest(options.option("subject", role), role, ports, options.option("party", null),
                duration(options.option("ttl", null))).requireScope();
        PlatformKeys keys = PlatformKeys.loadOrCreate(options.dataDirectory());
        out.printf("%s token for %s%s%s, valid %s, signed by key %s:%n", request.role(), request.subject(),
                ports.isEmpty() ? "" : " at " + String.join(",", ports),
                request.party() == null ? "" : " for party " + request.party(), request.ttl(), keys.keyId());
        out.println(TokenIssuer.forKeys(keys).issue(request));
        return 0;
    }

    static Duration duration(String text) {
        if (text == null) {
            return DEFAULT_TTL;
        }
        Matcher shortForm = SHORT_DURATION.matcher(text);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new PlatformException("--ttl takes a duration such as 30m, 8h, 7d or PT8H, got: " + text);
        }
    }
}
