package org.opencustoms.selection.random;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class SeedRepository implements PanacheRepositoryBase<SeedEntity, String> {

    public Uni<List<SeedEntity>> newestFirst(int limit) {
        return findAll(Sort.descending("period")).page(0, limit).list();
    }
}
