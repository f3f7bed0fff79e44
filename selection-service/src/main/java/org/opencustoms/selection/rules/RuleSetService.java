package org.opencustoms.selection.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rule sets: the one shipped (or named by {@code selection.rules.file}) is version 0; analysts add new
 * versions through the admin API. The newest version decides.
 */
@ApplicationScoped
public class RuleSetService {

    private static final ObjectMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final RuleSetRepository repository;
    private final ObjectMapper json;
    private final VersionedRuleSet initial;

    public RuleSetService(RuleSetRepository repository, ObjectMapper json,
                          @ConfigProperty(name = "selection.rules.file") Optional<String> file) {
        this.repository = repository;
        this.json = json;
        RuleSet ruleSet = loadInitial(file);
        RuleSetValidator.validate(ruleSet);
        this.initial = new VersionedRuleSet(0, Instant.EPOCH, "shipped", ruleSet);
    }

    /** The rule set in force; runs in the caller's session. */
    public Uni<VersionedRuleSet> current() {
        return repository.latest().map(latest -> latest == null ? initial : versioned(latest));
    }

    @WithSession
    public Uni<VersionedRuleSet> inForce() {
        return current();
    }

    @WithSession
    public Uni<VersionedRuleSet> version(int version) {
        if (version == 0) {
            return Uni.createFrom().item(initial);
        }
        return repository.findById(version).onItem().ifNull().failWith(() -> ProblemException.notFound("rule set version", version))
                .map(this::versioned);
    }

    /** Parses YAML or JSON (JSON is YAML), validates, and stores it as the next version. */
    @WithTransaction
    public Uni<VersionedRuleSet> publish(String text, String actor) {
        RuleSet ruleSet = parse(text);
        RuleSetValidator.validate(ruleSet);
        return repository.latest().chain(latest -> {
            RuleSetEntity entity = new RuleSetEntity();
            entity.version = latest == null ? 1 : latest.version + 1;
            entity.content = write(ruleSet);
            entity.createdAt = Instant.now();
            entity.createdBy = actor;
            return repository.persist(entity).map(this::versioned);
        });
    }

    static RuleSet parse(String text) {
        try {
            return YAML.readValue(text, RuleSet.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new InvalidRequestException("The rule set is not valid",
                    List.of(new FieldViolation("", "not a readable rule set" + where + ": " + e.getOriginalMessage())));
        }
    }

    private VersionedRuleSet versioned(RuleSetEntity entity) {
        try {
            return new VersionedRuleSet(entity.version, entity.createdAt, entity.createdBy, json.readValue(entity.content, RuleSet.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule set " + entity.version + " is unreadable", e);
        }
    }

    private String write(RuleSet ruleSet) {
        try {
            return json.writeValueAsString(ruleSet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleSet loadInitial(Optional<String> file) {
        try {
            if (file.isPresent()) {
                return YAML.readValue(Files.readString(Path.of(file.get())), RuleSet.class);
            }
            try (InputStream in = RuleSetService.class.getResourceAsStream("/rules/default-rules.yaml")) {
                return YAML.readValue(in, RuleSet.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the initial rule set", e);
        }
    }
}
