package org.opencustoms.selection.decision;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.opencustoms.common.outbox.Outbox;
import org.opencustoms.common.outbox.OutboxPolicy;
import org.opencustoms.common.outbox.OutboxRelay;
import org.opencustoms.common.outbox.OutboxTable;
import org.opencustoms.common.peer.Peers;
import org.opencustoms.selection.client.InspectionTasksClient;

import java.util.List;

/** The hand-off outbox ("handoff"): messages to inspection-service, in order per filing. */
@ApplicationScoped
public class HandoffOutbox {

    static final OutboxTable TABLE = new OutboxTable("handoff", "selection.inspection_handoff", "ordering_key", List.of("kind"));

    private final Outbox outbox;
    private final OutboxRelay relay;

    public HandoffOutbox(Pool pool, Config config, MeterRegistry registry, Peers peers) {
        this.outbox = new Outbox(TABLE, OutboxPolicy.of(config, TABLE.name()), pool, registry);
        this.relay = new OutboxRelay(outbox, InspectionTasksClient.PEER, peers, registry);
    }

    @Produces
    @Singleton
    Outbox outbox() {
        return outbox;
    }

    OutboxRelay relay() {
        return relay;
    }
}
