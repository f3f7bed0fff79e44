package org.opencustoms.platform.identity;

import org.opencustoms.platform.cli.PlatformCli;
import org.opencustoms.platform.cli.PlatformException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/platform token --role ROLE [--port LOCODE[,LOCODE]] [--party ID] [--subject NAME] [--ttl DURATION]}:
 * a bearer token signed with the data directory's key, printed alone on the last line.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Issues a bearer token signed with the data directory's key; the token is alone on the last line.")
public final class TokenCommand implements Callable<Integer> {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    @ParentCommand
    PlatformCli platform;

    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "the holder's role, e.g. importer, inspector, auditor")
    String role;

    @Option(names = "--port", split = ",", paramLabel = "LOCODE",
            description = "the UN/LOCODEs of the ports an inspector works at, e.g. USLAX,USLGB")
    List<String> ports = new ArrayList<>();

    @Option(names = "--party", paramLabel = "ID", description = "an importer's or filer's number, or a carrier's SCAC")
    String party;

    @Option(names = "--subject", paramLabel = "NAME", description = "the holder's name (default: the role)")
    String subject;

    @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "how long the token is valid: 30m, 8h, 7d or PT8H, at most 400 days (default 8h)")
    Duration ttl = Duration.ofHours(8);

    @Override
    public Integer call() {
        List<String> portList = ports.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        TokenRequest request;
        try {
            request = new TokenRequest(subject == null ? role : subject, role, portList, party, ttl).requireScope();
        } catch (PlatformException e) { // a value that does not make a token: said in the options' terms
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream out = platform.out();
        PlatformKeys keys = PlatformKeys.loadOrCreate(platform.dataDirectory());
        out.printf("%s token for %s%s%s, valid %s, signed by key %s:%n", request.role(), request.subject(),
                portList.isEmpty() ? "" : " at " + String.join(",", portList),
                request.party() == null ? "" : " for party " + request.party(), request.ttl(), keys.keyId());
        out.println(TokenIssuer.forKeys(keys).issue(request));
        return 0;
    }

    /** 30s, 30m, 8h, 7d or an ISO-8601 duration such as PT8H. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
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
                throw new TypeConversionException("a duration such as 30m, 8h, 7d or PT8H, got: " + text);
            }
        }
    }
}
