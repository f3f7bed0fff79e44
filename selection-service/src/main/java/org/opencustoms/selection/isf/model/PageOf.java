package org.opencustoms.selection.isf.model;

import java.util.List;

public record PageOf<T>(List<T> items, int page, int size, long total) {
}
