package org.opencustoms.selection.isf.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An Importer Security Filing as submitted: an ISF-10 (importer, 10+2) or an ISF-5 (pass-through, 5+2).
 * Which elements are required depends on the type; {@link org.opencustoms.selection.isf.validation.IsfFilingValidator}
 * says which.
 */
public record IsfFiling(
        FilingType type,
        ShipmentType shipmentType,
        String carrierCode,
        String masterBillOfLading,
        List<String> houseBillsOfLading,
        Vessel vessel,
        String foreignPortOfLading,
        OffsetDateTime estimatedLadingAt,
        String portOfArrival,
        OffsetDateTime estimatedArrivalAt,
        List<String> containers,
        List<CommodityLine> commodityLines,
        // ISF-10
        Party seller,
        Party buyer,
        String importerOfRecordNumber,
        List<String> consigneeNumbers,
        Party shipTo,
        Party containerStuffingLocation,
        Party consolidator,
        // ISF-5
        Party bookingParty,
        String foreignPortOfUnlading,
        String placeOfDelivery) {

    public List<String> houseBills() {
        return houseBillsOfLading == null ? List.of() : houseBillsOfLading;
    }

    public List<String> containerList() {
        return containers == null ? List.of() : containers;
    }

    public List<CommodityLine> lines() {
        return commodityLines == null ? List.of() : commodityLines;
    }
}
