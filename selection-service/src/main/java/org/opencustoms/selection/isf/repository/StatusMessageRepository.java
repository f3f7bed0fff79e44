package org.opencustoms.selection.isf.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.entity.ContainerStatusMessageEntity;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StatusMessageRepository implements PanacheRepositoryBase<ContainerStatusMessageEntity, UUID> {

    public Uni<List<ContainerStatusMessageEntity>> forContainers(List<String> containers) {
        return list("containerNumber in ?1", Sort.ascending("eventAt"), containers);
    }
}
