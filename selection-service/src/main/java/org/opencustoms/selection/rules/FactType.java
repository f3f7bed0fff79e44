package org.opencustoms.selection.rules;

public enum FactType {
    BOOLEAN,
    NUMBER,
    TEXT,
    TEXT_SET
}
