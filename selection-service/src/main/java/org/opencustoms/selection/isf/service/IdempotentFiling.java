package org.opencustoms.selection.isf.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.entity.IdempotencyRecordEntity;
import org.opencustoms.selection.isf.model.IsfFiling;
import org.opencustoms.selection.isf.repository.IdempotencyRepository;
import org.opencustoms.common.problem.ProblemException;

import java.time.Instant;
import java.util.UUID;

/**
 * POST with an Idempotency-Key: the first request's answer is stored in the same transaction as the filing,
 * so a retry gets that answer back and never a second filing; the same key with another body is a conflict.
 */
@ApplicationScoped
public class IdempotentFiling {

    /** followed by the filer's party (at most 32 characters: the scope column takes 40) */
    static final String SCOPE = "isf:";

    public record Answer(String body, String location, boolean replayed) {
    }

    private final IdempotencyRepository records;
    private final IsfFilingService filings;
    private final FilingDocuments documents;

    public IdempotentFiling(IdempotencyRepository records, IsfFilingService filings, FilingDocuments documents) {
        this.records = records;
        this.filings = filings;
        this.documents = documents;
    }

    public Uni<Answer> file(String key, IsfFiling filing, FilingAccess filer) {
        String fingerprint = documents.fingerprint(filing);
        // keys are the filer's own: another party's key neither replays nor blocks anything
        String scope = SCOPE + filer.party();
        // two retries racing: the loser's insert hits the unique key, and it then replays the winner's answer
        return fileOnce(scope, key, fingerprint, filing, filer)
                .onFailure(IdempotentFiling::isUniqueViolation).recoverWithUni(() -> replay(scope, key, fingerprint));
    }

    private Uni<Answer> fileOnce(String scope, String key, String fingerprint, IsfFiling filing, FilingAccess filer) {
        return Panache.withTransaction(() -> records.findByKey(scope, key).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(answer(existing, fingerprint));
            }
            return filings.create(filing, filer).chain(receipt -> {
                IdempotencyRecordEntity record = new IdempotencyRecordEntity();
                record.id = UUID.randomUUID();
                record.scope = scope;
                record.idempotencyKey = key;
                record.requestHash = fingerprint;
                record.responseStatus = 201;
                record.responseBody = documents.write(receipt);
                record.location = "/api/v1/isf-filings/" + receipt.id();
                record.createdAt = Instant.now();
                return records.persist(record).map(saved -> new Answer(saved.responseBody, saved.location, false));
            });
        }));
    }

    private Uni<Answer> replay(String scope, String key, String fingerprint) {
        return Panache.withSession(() -> records.findByKey(scope, key)).map(existing -> {
            if (existing == null) {
                throw new IllegalStateException("idempotency record for key " + key + " vanished");
            }
            return answer(existing, fingerprint);
        });
    }

    private static Answer answer(IdempotencyRecordEntity existing, String fingerprint) {
        if (!existing.requestHash.equals(fingerprint)) {
            throw ProblemException.conflict("idempotency-key-reused",
                    "Idempotency-Key was already used for a different request; use a new key for a new filing");
        }
        return new Answer(existing.responseBody, existing.location, true);
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("idempotency_record_unique")) {
                return true;
            }
        }
        return false;
    }
}
