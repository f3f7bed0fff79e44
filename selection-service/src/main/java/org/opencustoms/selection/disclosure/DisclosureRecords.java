package org.opencustoms.selection.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.common.identity.Caller;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.selection.config.TimeSource;

import java.util.UUID;

/** Writes down every disclosure that a rule allowed, in the caller's transaction. */
@ApplicationScoped
public class DisclosureRecords {

    public enum Kind { DECISION, SEED, DRAWS, PERIOD }

    public static final String PUBLIC = "PUBLIC";

    private final TimeSource time;

    public DisclosureRecords(TimeSource time) {
        this.time = time;
    }

    public Uni<Void> record(Kind kind, String reference, Caller caller) {
        DisclosureRecordEntity row = new DisclosureRecordEntity();
        row.id = UUID.randomUUID();
        row.disclosedAt = time.now();
        row.kind = kind.name();
        row.reference = reference;
        row.audience = audience(caller);
        row.subject = caller.subject();
        row.party = caller.party();
        return Panache.getSession().chain(s -> s.persist(row));
    }

    public Uni<Void> recordPublic(Kind kind, String reference) {
        return record(kind, reference, new Caller(null, java.util.Set.of(), java.util.Set.of(), null));
    }

    private static String audience(Caller caller) {
        for (String role : new String[] {Roles.AUDITOR, Roles.SUPERVISOR, Roles.IMPORTER}) {
            if (caller.is(role)) {
                return role;
            }
        }
        return PUBLIC;
    }
}
