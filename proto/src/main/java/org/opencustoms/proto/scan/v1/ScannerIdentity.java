package org.opencustoms.proto.scan.v1;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scanner as its client certificate names it: its id and the UN/LOCODE of its site, carried in a URI
 * subject alternative name {@code urn:opencustoms:scanner:<id>:site:<LOCODE>}. The platform CA writes it;
 * scan-analysis-service reads it and holds every upload's header to it.
 */
public record ScannerIdentity(String id, String site) {

    private static final String ID = "[A-Za-z0-9._-]{1,64}";
    private static final String LOCODE = "[A-Z]{2}[A-Z2-9]{3}";
    private static final Pattern URI = Pattern.compile("urn:opencustoms:scanner:(" + ID + "):site:(" + LOCODE + ")");

    public ScannerIdentity {
        if (id == null || !id.matches(ID)) {
            throw new IllegalArgumentException("a scanner id is 1 to 64 letters, digits or ._- characters");
        }
        if (site == null || !site.matches(LOCODE)) {
            throw new IllegalArgumentException("a scanner's site is a UN/LOCODE such as USLAX");
        }
    }

    public String uri() {
        return "urn:opencustoms:scanner:" + id + ":site:" + site;
    }

    public static Optional<ScannerIdentity> fromUri(String uri) {
        Matcher matcher = URI.matcher(uri == null ? "" : uri);
        return matcher.matches() ? Optional.of(new ScannerIdentity(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
