package org.opencustoms.platform.identity;

import org.opencustoms.common.identity.Roles;
import org.opencustoms.platform.cli.PlatformException;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** What a token says about its holder: who, in which role, bound to which ports or party, for how long. */
public record TokenRequest(String subject, String role, List<String> ports, String party, Duration ttl) {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@:-]{1,128}");
    private static final Pattern LOCODE = Pattern.compile("[A-Z]{2}[A-Z2-9]{3}");
    private static final Pattern PARTY = Pattern.compile("[A-Za-z0-9-]{2,32}");
    static final Duration MAX_TTL = Duration.ofDays(400);

    public TokenRequest {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new PlatformException("--subject must be 1 to 128 letters, digits or ._@:- characters");
        }
        if (!Roles.isKnown(role)) {
            throw new PlatformException("unknown role '" + role + "'; the roles are " + String.join(", ",
                    new java.util.TreeSet<>(Roles.USERS)) + " and the services' " + String.join(", ", new java.util.TreeSet<>(Roles.SERVICES)));
        }
        ports = ports == null ? List.of() : List.copyOf(ports);
        for (String port : ports) {
            if (!LOCODE.matcher(port).matches()) {
                throw new PlatformException("--port takes UN/LOCODEs such as USLAX, got: " + port);
            }
        }
        if (party != null && !PARTY.matcher(party).matches()) {
            throw new PlatformException("--party must be 2 to 32 letters, digits or dashes, got: " + party);
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new PlatformException("--ttl must be positive and at most " + MAX_TTL.toDays() + " days");
        }
    }

    /** The scope a user of this role needs to be useful: an inspector its ports, an importer or carrier its party. */
    public TokenRequest requireScope() {
        if (Roles.INSPECTOR.equals(role) && ports.isEmpty()) {
            throw new PlatformException("an inspector's token needs --port LOCODE[,LOCODE]: the ports it works at");
        }
        if ((Roles.IMPORTER.equals(role) || Roles.CARRIER.equals(role)) && party == null) {
            throw new PlatformException("a" + (Roles.IMPORTER.equals(role) ? "n " : " ") + role + "'s token needs --party: "
                    + (Roles.CARRIER.equals(role) ? "its SCAC" : "its importer or filer number"));
        }
        return this;
    }

    public static TokenRequest forService(String service, Duration ttl) {
        return new TokenRequest(service, service, List.of(), null, ttl);
    }
}
