package org.opencustoms.selection.isf.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.entity.IsfFilingVersionEntity;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IsfFilingVersionRepository implements PanacheRepositoryBase<IsfFilingVersionEntity, UUID> {

    public Uni<IsfFilingVersionEntity> findVersion(UUID filingId, int version) {
        return find("filingId = ?1 and version = ?2", filingId, version).firstResult();
    }

    public Uni<List<IsfFilingVersionEntity>> history(UUID filingId) {
        return list("filingId", Sort.ascending("version"), filingId);
    }
}
