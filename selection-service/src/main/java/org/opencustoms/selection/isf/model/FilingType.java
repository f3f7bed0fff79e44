package org.opencustoms.selection.isf.model;

/** ISF-10: the importer's filing (10+2). ISF-5: cargo that only passes through the US (5+2). */
public enum FilingType {
    ISF_10,
    ISF_5
}
