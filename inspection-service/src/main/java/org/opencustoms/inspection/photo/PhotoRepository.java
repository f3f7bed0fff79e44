package org.opencustoms.inspection.photo;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencustoms.inspection.db.Db;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class PhotoRepository {

    private final Db db;

    @Inject
    public PhotoRepository(Db db) {
        this.db = db;
    }

    public Set<String> idsForTask(Db.Tx tx, UUID taskId) {
        Set<String> ids = new HashSet<>();
        tx.query("select sha256 from inspection.photo where task_id = $1", taskId).forEach(row -> ids.add(row.getString(0)));
        return ids;
    }

    /** Records the photo for the task unless these bytes were uploaded for it before; whether it is new to the task. */
    boolean insertIfAbsent(Db.Tx tx, StoredPhoto photo, UUID taskId, String uploadedBy) {
        return tx.query("insert into inspection.photo (sha256, content_type, bytes, task_id, uploaded_by, uploaded_at) values ($1, $2, $3, $4, $5, now()) "
                + "on conflict (task_id, sha256) do nothing", photo.id(), photo.contentType(), photo.bytes(), taskId, uploadedBy).rowCount() == 1;
    }

    /** Which of these photo files a row still refers to. */
    Set<String> referenced(Set<String> sha256s) {
        Set<String> referenced = new HashSet<>();
        db.query("select distinct sha256 from inspection.photo where sha256 = any($1)", (Object) sha256s.toArray(String[]::new))
                .forEach(row -> referenced.add(row.getString(0)));
        return referenced;
    }

    Optional<StoredPhoto> find(UUID taskId, String sha256) {
        RowSet<Row> rows = db.query("select sha256, content_type, bytes from inspection.photo where task_id = $1 and sha256 = $2", taskId, sha256);
        if (rows.rowCount() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new StoredPhoto(row.getString("sha256"), row.getString("content_type"), row.getInteger("bytes")));
    }

    public record StoredPhoto(String id, String contentType, int bytes) {
    }
}
