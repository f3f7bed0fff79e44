package org.opencustoms.selection.isf.model;

public record Address(String street, String city, String postalCode, String countryCode) {
}
