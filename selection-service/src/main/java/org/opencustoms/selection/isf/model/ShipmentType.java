package org.opencustoms.selection.isf.model;

/** The ISF-5 shipment types: foreign cargo remaining on board, immediate exportation, transportation and exportation. */
public enum ShipmentType {
    FROB,
    IE,
    TE
}
