package org.opencustoms.selection.riskmodel;

/** Everything a model directory holds, in memory, right after training. */
record TrainedModel(byte[] boosterBytes, byte[] encoderBytes, String mappingYaml, ModelMetadata metadata) {
}
