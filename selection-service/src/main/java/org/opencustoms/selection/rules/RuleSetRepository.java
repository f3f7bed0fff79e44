package org.opencustoms.selection.rules;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RuleSetRepository implements PanacheRepositoryBase<RuleSetEntity, Integer> {

    public Uni<RuleSetEntity> latest() {
        return findAll(Sort.descending("version")).firstResult();
    }
}
