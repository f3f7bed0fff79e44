package org.opencustoms.selection.isf.model;

/** Container status message events (after the ANSI X12 315 status codes in brackets). */
public enum StatusEvent {
    STUFFED,          // (PU) stuffed / picked up loaded
    GATE_IN,          // (I)  in-gate at the terminal
    LOADED,           // (AE) loaded on the vessel
    VESSEL_DEPARTED,  // (VD)
    TRANSSHIPPED,     // (T)
    VESSEL_ARRIVED,   // (VA)
    DISCHARGED,       // (UV) unloaded from the vessel
    GATE_OUT          // (OA) out-gate
}
