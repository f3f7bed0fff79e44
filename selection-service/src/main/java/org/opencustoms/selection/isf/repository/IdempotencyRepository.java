package org.opencustoms.selection.isf.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.entity.IdempotencyRecordEntity;

import java.util.UUID;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecordEntity, UUID> {

    public Uni<IdempotencyRecordEntity> findByKey(String scope, String key) {
        return find("scope = ?1 and idempotencyKey = ?2", scope, key).firstResult();
    }
}
