package org.opencustoms.selection.isf.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.entity.FilingDiscrepancyEntity;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DiscrepancyRepository implements PanacheRepositoryBase<FilingDiscrepancyEntity, UUID> {

    public Uni<List<FilingDiscrepancyEntity>> forVersion(UUID filingId, int version) {
        return list("filingId = ?1 and filingVersion = ?2", Sort.ascending("detectedAt").and("kind"), filingId, version);
    }
}
