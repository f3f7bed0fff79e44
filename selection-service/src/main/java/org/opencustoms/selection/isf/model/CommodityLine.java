package org.opencustoms.selection.isf.model;

import java.math.BigDecimal;

/** One commodity of the filing: HTSUS number, country of origin and manufacturer (ISF-10 items 5, 7 and 8). */
public record CommodityLine(
        String htsNumber,
        String description,
        String countryOfOrigin,
        Party manufacturer,
        Long quantity,
        BigDecimal grossWeightKg,
        BigDecimal declaredValueUsd) {
}
