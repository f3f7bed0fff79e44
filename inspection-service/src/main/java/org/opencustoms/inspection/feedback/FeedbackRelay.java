package org.opencustoms.inspection.feedback;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencustoms.common.identity.ServiceToken;
import org.jboss.logging.Logger;
import org.opencustoms.inspection.db.Db;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Delivers outcome labels to selection-service ({@code POST /api/v1/outcome-labels}), outside any
 * transaction, and records each result. A label stays pending, with its last error, until delivered;
 * selection-service must be idempotent on (inspectionId, outcomeVersion), as a crash after delivery
 * and before bookkeeping repeats it.
 */
@ApplicationScoped
public class FeedbackRelay {

    private static final Logger LOG = Logger.getLogger(FeedbackRelay.class);
    private static final int BATCH = 50;

    private final Db db;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI labels;
    private final Config config;

    @Inject
    public FeedbackRelay(Db db, @ConfigProperty(name = "inspection.selection-url") String selectionUrl, Config config) {
        this.db = db;
        this.labels = URI.create(selectionUrl + "/api/v1/outcome-labels");
        this.config = config;
    }

    @Scheduled(every = "${inspection.feedback.every:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        deliverPending();
    }

    /** Tries every pending label once; returns how many were delivered. */
    public int deliverPending() {
        List<Pending> pending = new ArrayList<>();
        for (Row row : db.query("select task_id, outcome_version, payload from inspection.feedback_outbox where state = 'PENDING' "
                + "order by created_at limit " + BATCH)) {
            pending.add(new Pending(row.getUUID("task_id"), row.getInteger("outcome_version"), String.valueOf(row.getValue("payload"))));
        }
        int delivered = 0;
        for (Pending label : pending) {
            String error = send(label.payload());
            if (error == null) {
                db.query("update inspection.feedback_outbox set state = 'DELIVERED', attempts = attempts + 1, delivered_at = now(), last_error = null "
                        + "where task_id = $1 and outcome_version = $2", label.taskId(), label.version());
                delivered++;
            } else {
                db.query("update inspection.feedback_outbox set attempts = attempts + 1, last_error = $3 where task_id = $1 and outcome_version = $2",
                        label.taskId(), label.version(), error);
            }
        }
        if (delivered < pending.size()) {
            LOG.debugf("%d of %d outcome labels not delivered to selection-service yet", pending.size() - delivered, pending.size());
        }
        return delivered;
    }

    private String send(String payload) {
        HttpRequest request = HttpRequest.newBuilder(labels).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", ServiceToken.authorization(config))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? null
                    : "HTTP " + response.statusCode() + ": " + response.body().substring(0, Math.min(500, response.body().length()));
        } catch (IOException e) {
            return "unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private record Pending(UUID taskId, int version, String payload) {
    }
}
