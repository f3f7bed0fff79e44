package org.opencustoms.common.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, read from the bearer token: subject, roles, and the scope claims that bind a user to
 * its ports (inspectors) or its party (importers, carriers).
 */
public record Caller(String subject, Set<String> roles, Set<String> ports, String party) {

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller(null, Set.of(), Set.of(), null);
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return new Caller(token.getName(), Set.copyOf(identity.getRoles()), strings(token.getClaim(TokenClaims.PORTS)), party(token));
        }
        return new Caller(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()), Set.of(), null);
    }

    /** The caller a verified token names, before any request carries it. */
    public static Caller of(JsonWebToken token) {
        return new Caller(token.getName(), Set.copyOf(token.getGroups()), strings(token.getClaim(TokenClaims.PORTS)), party(token));
    }

    private static String party(JsonWebToken token) {
        Object claimed = token.getClaim(TokenClaims.PARTY);
        return claimed == null ? null : text(claimed);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAny(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> strings(Object claim) {
        Set<String> values = new TreeSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> values.add(text(value)));
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(text(value)));
        } else if (claim != null) {
            for (String value : text(claim).split("[,\\s]+")) {
                if (!value.isBlank()) {
                    values.add(value);
                }
            }
        }
        return Set.copyOf(values);
    }

    private static String text(Object value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }
}
