package org.opencustoms.scan.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.opencustoms.scan.analysis.ScanModels;

/**
 * The models the workers run: {@code scan.analysis.model-dir} (SCAN_MODEL_DIR) when set, else the parameters shipped
 * in the scan-models jar.
 */
@ApplicationScoped
public class ScanModelsProducer {

    @Produces
    @ApplicationScoped
    ScanModels scanModels(AnalysisConfig config) {
        return config.modelDir().map(ScanModels::load).orElseGet(ScanModels::loadShipped);
    }

    void close(@Disposes ScanModels models) {
        models.close();
    }
}
