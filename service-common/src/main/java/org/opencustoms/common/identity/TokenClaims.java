package org.opencustoms.common.identity;

/** Names and defaults of the claims the platform's bearer tokens carry beside the standard ones. */
public final class TokenClaims {
    /** UN/LOCODEs of the ports an inspector works at */
    public static final String PORTS = "ports";
    /** the importer's party number or the carrier's SCAC */
    public static final String PARTY = "party";
    public static final String ROLES = "groups";

    /** the embedded default's issuer and audience; production sets TOKEN_ISSUER and TOKEN_AUDIENCE */
    public static final String DEFAULT_ISSUER = "opencustoms-platform";
    public static final String DEFAULT_AUDIENCE = "opencustoms";

    private TokenClaims() {
    }
}
