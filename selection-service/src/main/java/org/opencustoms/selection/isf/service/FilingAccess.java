package org.opencustoms.selection.isf.service;

import org.opencustoms.common.identity.Caller;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.selection.isf.entity.IsfFilingEntity;

/**
 * Whose filings a caller may touch: an importer only its own party's (another party's filing is "not
 * found", so its existence is not disclosed); supervisors and auditors every party's, read-only.
 */
public record FilingAccess(String subject, String party, boolean everyParty) {

    /** A party number as filings store it; a token naming anything else names no party. */
    private static final java.util.regex.Pattern PARTY = java.util.regex.Pattern.compile("[A-Za-z0-9-]{2,32}");

    public static FilingAccess of(Caller caller) {
        boolean everyParty = caller.isAny(Roles.SUPERVISOR, Roles.AUDITOR);
        String party = caller.is(Roles.IMPORTER) && caller.party() != null && PARTY.matcher(caller.party()).matches() ? caller.party() : null;
        return new FilingAccess(caller.subject(), party, everyParty);
    }

    public boolean allows(IsfFilingEntity filing) {
        return everyParty || (party != null && party.equals(filing.filerParty));
    }

    /** The party a search is limited to; null for every party. */
    public String searchParty() {
        return everyParty ? null : (party == null ? "" : party);
    }
}
