package org.opencustoms.platform.demo;

import org.opencustoms.common.identity.Roles;
import org.opencustoms.platform.identity.PlatformKeys;
import org.opencustoms.platform.identity.TokenIssuer;
import org.opencustoms.platform.identity.TokenRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Every actor of the demo shift (and of the benchmarks) calls the platform with a token of its own, signed with the data directory's key. */
public final class DemoIdentities {

    private static final Duration TTL = Duration.ofHours(2);

    private final TokenIssuer issuer;

    public DemoIdentities(Path dataDirectory) {
        this.issuer = TokenIssuer.forKeys(PlatformKeys.loadOrCreate(dataDirectory));
    }

    /** The filer of an ISF, as the party that owns it. */
    Map<String, String> importer(String party) {
        return header(new TokenRequest("filer-" + party.toLowerCase(), Roles.IMPORTER, List.of(), party, TTL));
    }

    Map<String, String> carrier(String scac) {
        return header(new TokenRequest("carrier-" + scac.toLowerCase(), Roles.CARRIER, List.of(), scac, TTL));
    }

    Map<String, String> inspector(String subject, List<String> ports) {
        return header(new TokenRequest(subject, Roles.INSPECTOR, ports, null, TTL));
    }

    /** A caller whose role needs no scope (supervisor, analyst, a service): the Authorization header. */
    public Map<String, String> as(String role) {
        return header(new TokenRequest(role, role, List.of(), null, TTL));
    }

    private Map<String, String> header(TokenRequest request) {
        return Map.of("Authorization", "Bearer " + issuer.issue(request));
    }
}
