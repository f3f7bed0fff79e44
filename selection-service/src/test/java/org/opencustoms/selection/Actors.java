package org.opencustoms.selection;

import io.restassured.specification.RequestSpecification;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.TestTokens;

/** The callers of selection-service in tests, each with its own token. */
public final class Actors {

    /** the importer party the test filings are filed under */
    public static final String IMPORTER_PARTY = "IMP-12-3456789";
    /** the carrier of the test filings (their carrierCode) */
    public static final String CARRIER = "MAEU";

    private Actors() {
    }

    public static RequestSpecification importer() {
        return TestTokens.bearer(TestTokens.party(Roles.IMPORTER, IMPORTER_PARTY));
    }

    public static RequestSpecification carrier() {
        return TestTokens.bearer(TestTokens.party(Roles.CARRIER, CARRIER));
    }

    public static RequestSpecification as(String role) {
        return TestTokens.as(role);
    }
}
