package org.opencustoms.inspection.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** JSON documents stored in jsonb columns, written and read with the service's own ObjectMapper. */
@ApplicationScoped
public class Json {

    private final ObjectMapper mapper;

    @Inject
    public Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** A jsonb column's value (the driver hands back a Vert.x JSON value whose toString is the document). */
    public JsonNode read(Object column) {
        try {
            return mapper.readTree(String.valueOf(column));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getMessage(), e);
        }
    }

    public <T> T read(Object column, Class<T> type) {
        try {
            return mapper.treeToValue(read(column), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not match " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
