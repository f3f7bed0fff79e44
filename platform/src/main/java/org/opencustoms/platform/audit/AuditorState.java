package org.opencustoms.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencustoms.platform.cli.PlatformException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an auditor remembers between runs, so that the server cannot change its story: the last tree head it
 * verified, every signing key it has seen (pinned by id), and every seed commitment it has seen. Written only after
 * a run in which everything checked out.
 */
final class AuditorState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    long treeSize;
    String rootHash;
    final Map<String, String> keys = new TreeMap<>();
    final Map<String, String> seedCommitments = new TreeMap<>();

    private AuditorState(Path file) {
        this.file = file;
    }

    /** A state with nothing seen when {@code file} is null or absent. */
    static AuditorState load(Path file) {
        AuditorState state = new AuditorState(file);
        if (file == null || !Files.exists(file)) {
            return state;
        }
        try {
            JsonNode stored = JSON.readTree(Files.readString(file));
            state.treeSize = stored.path("treeSize").asLong();
            state.rootHash = stored.path("rootHash").asText(null);
            stored.path("keys").fields().forEachRemaining(e -> state.keys.put(e.getKey(), e.getValue().asText()));
            stored.path("seedCommitments").fields().forEachRemaining(e -> state.seedCommitments.put(e.getKey(), e.getValue().asText()));
            return state;
        } catch (IOException e) {
            throw new PlatformException("cannot read the auditor's state " + file + ": " + e.getMessage(), e);
        }
    }

    boolean seenHead() {
        return rootHash != null && treeSize > 0;
    }

    void save() {
        if (file == null) {
            return;
        }
        ObjectNode stored = JSON.createObjectNode();
        stored.put("treeSize", treeSize);
        stored.put("rootHash", rootHash);
        keys.forEach(stored.putObject("keys")::put);
        seedCommitments.forEach(stored.putObject("seedCommitments")::put);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(stored));
        } catch (IOException e) {
            throw new PlatformException("cannot write the auditor's state " + file + ": " + e.getMessage(), e);
        }
    }
}
