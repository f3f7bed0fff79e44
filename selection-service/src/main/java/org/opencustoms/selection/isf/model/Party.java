package org.opencustoms.selection.isf.model;

/** A named party of the filing (seller, buyer, manufacturer, ship-to, stuffer, consolidator, booking party). */
public record Party(String name, Address address) {
}
