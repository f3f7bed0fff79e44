package org.opencustoms.selection.decision;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import org.opencustoms.selection.isf.model.FilingStatus;
import java.util.UUID;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<DecisionEntity, UUID> {

    public Uni<DecisionEntity> latestFor(UUID filingId) {
        return find("filingId", Sort.descending("filingVersion"), filingId).firstResult();
    }

    /**
     * Shipments of a port sent to inspection since {@code since}: filings still standing (not withdrawn) whose
     * current version's decision is an inspection lane, this one excluded (its amendment does not count twice).
     * A filer cannot use up the port's capacity with filings it then withdraws or amends away.
     */
    public Uni<Long> inspectionsSince(String port, Instant since, UUID exceptFiling) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select count(distinct d.filingId) from DecisionEntity d, IsfFilingEntity f where f.id = d.filingId "
                                + "and d.filingVersion = f.currentVersion and f.status <> :withdrawn and d.port = :port "
                                + "and d.decidedAt >= :since and d.lane in :lanes and d.filingId <> :filing", Long.class)
                .setParameter("port", port)
                .setParameter("since", since)
                .setParameter("lanes", List.of(Lane.NII_SCAN, Lane.PHYSICAL_EXAM))
                .setParameter("withdrawn", FilingStatus.WITHDRAWN)
                .setParameter("filing", exceptFiling)
                .getSingleResult());
    }

    public Uni<List<DecisionEntity>> inPeriod(String period) {
        return list("randomPeriod", Sort.ascending("logIndex"), period);
    }
}
