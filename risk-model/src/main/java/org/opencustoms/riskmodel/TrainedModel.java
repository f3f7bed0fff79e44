package org.opencustoms.riskmodel;

/** Everything a model directory holds, in memory, right after training. */
public record TrainedModel(byte[] boosterBytes, byte[] encoderBytes, String mappingYaml, ModelMetadata metadata) {
}
