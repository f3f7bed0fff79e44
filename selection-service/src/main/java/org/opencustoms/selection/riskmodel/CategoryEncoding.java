package org.opencustoms.selection.riskmodel;

/** Encodes the value of the categorical feature at {@code featureIndex} in the schema's categorical list. */
@FunctionalInterface
interface CategoryEncoding {
    EncodedCategory encode(int featureIndex, String value);
}
