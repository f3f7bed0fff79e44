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
        // Runs under the log's lock, so its cost bounds the decision rate: the partial index (V8) finds the day's
        // inspections only, and the lateral join (OFFSET 0 keeps the planner from turning it into a hash join over
        // every filing) looks each one's filing up by key, so the cost follows the port's inspections, not all filings.
        String sql = "select count(distinct d.filing_id) from {h-schema}selection_decision d"
                + " join lateral (select 1 from {h-schema}isf_filing f where f.id = d.filing_id"
                + " and f.current_version = d.filing_version and f.status <> :withdrawn offset 0) standing on true"
                + " where d.port = :port and d.decided_at >= :since and d.lane in ('NII_SCAN', 'PHYSICAL_EXAM')"
                + " and d.filing_id <> :filing";
        return getSession().chain(session -> session.createNativeQuery(sql, Long.class)
                .setParameter("port", port)
                .setParameter("since", since)
                .setParameter("withdrawn", FilingStatus.WITHDRAWN.name())
                .setParameter("filing", exceptFiling)
                .getSingleResult());
    }

    public Uni<List<DecisionEntity>> inPeriod(String period) {
        return list("randomPeriod", Sort.ascending("logIndex"), period);
    }
}
