package org.opencustoms.selection.isf.model;

public record StowPosition(String containerNumber, Integer bay, Integer row, Integer tier) {
}
