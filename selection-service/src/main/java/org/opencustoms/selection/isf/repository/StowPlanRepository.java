package org.opencustoms.selection.isf.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.entity.StowPlanEntity;
import org.opencustoms.selection.isf.entity.StowPlanPositionEntity;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StowPlanRepository implements PanacheRepositoryBase<StowPlanEntity, UUID> {

    /** The carrier may resend a voyage's stow plan; the latest one counts. */
    public Uni<StowPlanEntity> latestFor(String vesselKey) {
        return find("vesselKey", Sort.descending("receivedAt"), vesselKey).firstResult();
    }

    public Uni<List<String>> containersOf(UUID stowPlanId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select p.containerNumber from StowPlanPositionEntity p where p.stowPlanId = :plan", String.class)
                .setParameter("plan", stowPlanId)
                .getResultList());
    }

    public Uni<Void> persistPositions(List<StowPlanPositionEntity> positions) {
        return getSession().chain(session -> session.persistAll(positions.toArray()));
    }
}
