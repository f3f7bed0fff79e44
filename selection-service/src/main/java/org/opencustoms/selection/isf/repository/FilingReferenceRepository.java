package org.opencustoms.selection.isf.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.entity.FilingReferenceEntity;

import java.util.UUID;

@ApplicationScoped
public class FilingReferenceRepository implements PanacheRepositoryBase<FilingReferenceEntity, UUID> {

    public Uni<Long> deleteForFiling(UUID filingId) {
        return delete("filingId", filingId);
    }
}
