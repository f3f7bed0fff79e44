package org.opencustoms.selection.isf.model;

public record Vessel(String name, String imoNumber, String voyage) {
}
