package org.opencustoms.riskmodel;

/** Encodes the value of the categorical feature at {@code featureIndex} in the schema's categorical list. */
@FunctionalInterface
public interface CategoryEncoding {
    EncodedCategory encode(int featureIndex, String value);
}
