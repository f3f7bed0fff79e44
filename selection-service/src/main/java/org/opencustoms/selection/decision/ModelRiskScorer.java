package org.opencustoms.selection.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.opencustoms.selection.isf.model.CommodityLine;
import org.opencustoms.selection.isf.model.IsfFiling;
import org.opencustoms.selection.isf.validation.Codes;
import org.opencustoms.riskmodel.FeatureContribution;
import org.opencustoms.riskmodel.RiskModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The learned model in decisions: loaded once from {@code selection.model.dir} (trained by
 * {@code bin/platform risk-model train}), it scores each commodity line of a filing through the serving map
 * and the riskiest line speaks for the filing, with its strongest feature contributions as reasons.
 * Without a configured directory decisions rest on the rules and record model version "none".
 */
@ApplicationScoped
public class ModelRiskScorer implements RiskScorer {

    private static final Logger LOG = Logger.getLogger(ModelRiskScorer.class);
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final int CONTRIBUTIONS = 3;

    record ServingMap(Map<String, String> columns) {
    }

    private final RiskModel model;
    private final Map<String, String> columns;

    public ModelRiskScorer(SelectionConfig config) {
        Optional<String> dir = config.model().dir().filter(d -> !d.isBlank());
        if (dir.isEmpty()) {
            model = null;
            columns = Map.of();
            return;
        }
        model = RiskModel.load(Path.of(dir.get()));
        columns = readServingMap(config.model().servingMap()).columns();
        LOG.infof("risk model %s loaded from %s", model.version(), dir.get());
    }

    @Override
    public String version() {
        return model == null ? "none" : model.version();
    }

    @Override
    public Optional<Assessment> assess(IsfFiling filing) {
        if (model == null) {
            return Optional.empty();
        }
        double best = -1;
        Map<String, String> riskiest = null;
        for (CommodityLine line : filing.lines()) {
            Map<String, String> row = row(filing, line);
            double score = model.score(row);
            if (score > best) {
                best = score;
                riskiest = row;
            }
        }
        List<Reason> reasons = model.topContributions(riskiest, CONTRIBUTIONS).stream()
                .filter(c -> c.contribution() > 0)
                .map(ModelRiskScorer::reason)
                .toList();
        return Optional.of(new Assessment(best, reasons));
    }

    private static Reason reason(FeatureContribution c) {
        return new Reason("MODEL", c.feature(), c.contribution(),
                String.format(Locale.ROOT, "Model: %s raised the risk (%+.2f log-odds)", c.feature(), c.contribution()));
    }

    /** The filing's elements under the model's column names, as the serving map says. */
    private Map<String, String> row(IsfFiling filing, CommodityLine line) {
        Map<String, String> fields = new HashMap<>();
        fields.put("importer", filing.importerOfRecordNumber() != null ? filing.importerOfRecordNumber()
                : filing.bookingParty() == null ? null : filing.bookingParty().name());
        fields.put("seller", filing.seller() != null ? filing.seller().name()
                : line.manufacturer() == null ? null : line.manufacturer().name());
        fields.put("manufacturer", line.manufacturer() == null ? null : line.manufacturer().name());
        fields.put("hs6", Codes.normaliseHts(line.htsNumber()).substring(0, 6));
        fields.put("countryOfOrigin", line.countryOfOrigin());
        fields.put("countryOfDeparture", filing.foreignPortOfLading().substring(0, 2));
        fields.put("portOfArrival", filing.portOfArrival());
        fields.put("carrier", filing.carrierCode());
        fields.put("filingType", filing.type().name());
        fields.put("grossWeightKg", line.grossWeightKg() == null ? null : line.grossWeightKg().toPlainString());
        fields.put("declaredValueUsd", line.declaredValueUsd() == null ? null : line.declaredValueUsd().toPlainString());
        Map<String, String> row = new HashMap<>();
        columns.forEach((column, field) -> {
            String value = fields.get(field);
            if (value != null) {
                row.put(column, value);
            }
        });
        return row;
    }

    private static ServingMap readServingMap(String location) {
        try (InputStream in = location.startsWith("classpath:")
                ? ModelRiskScorer.class.getResourceAsStream("/" + location.substring("classpath:".length()))
                : Files.newInputStream(Path.of(location))) {
            if (in == null) {
                throw new IllegalStateException("no serving map at " + location);
            }
            return YAML.readValue(in, ServingMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model's serving map " + location, e);
        }
    }

    @PreDestroy
    void close() {
        if (model != null) {
            model.close();
        }
    }
}
