package org.opencustoms.selection.isf.validation;

import org.opencustoms.codes.ContainerNumbers;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.selection.isf.model.Address;
import org.opencustoms.selection.isf.model.CommodityLine;
import org.opencustoms.selection.isf.model.FilingType;
import org.opencustoms.selection.isf.model.IsfFiling;
import org.opencustoms.selection.isf.model.Party;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The data rules of an ISF (19 CFR 149): which elements each type requires and what each must look like.
 * Every offending field is reported, by its JSON path.
 */
public final class IsfFilingValidator {

    static final int MAX_CONTAINERS = 500;
    static final int MAX_LINES = 999;
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 500;
    static final Duration MAX_VOYAGE = Duration.ofDays(120);
    private static final Pattern BILL_OF_LADING = Pattern.compile("[A-Z0-9]{4,35}");

    private IsfFilingValidator() {
    }

    public static List<FieldViolation> validate(IsfFiling filing) {
        Violations v = new Violations();
        if (filing == null) {
            v.add("", "a filing is required in the request body");
            return v.list();
        }
        if (!v.check(filing.type() != null, "type", "required: ISF_10 or ISF_5")) {
            return v.list();
        }
        common(filing, v);
        if (filing.type() == FilingType.ISF_10) {
            isf10(filing, v);
        } else {
            isf5(filing, v);
        }
        return v.list();
    }

    private static void common(IsfFiling f, Violations v) {
        v.check(Codes.isScac(f.carrierCode()), "carrierCode", "required: the carrier's SCAC, 2 to 4 capital letters");
        v.check(isBill(f.masterBillOfLading()), "masterBillOfLading", "required: 4 to 35 capital letters or digits");
        Set<String> bills = new HashSet<>();
        for (int i = 0; i < f.houseBills().size(); i++) {
            String bill = f.houseBills().get(i);
            if (v.check(isBill(bill), "houseBillsOfLading[" + i + "]", "4 to 35 capital letters or digits")) {
                v.check(bills.add(bill), "houseBillsOfLading[" + i + "]", "listed twice");
            }
        }
        CarrierDataValidator.vessel(f.vessel(), "vessel", v);
        if (v.check(Codes.isLocode(f.foreignPortOfLading()), "foreignPortOfLading", "required: a UN/LOCODE such as CNSHA")) {
            v.check(!f.foreignPortOfLading().startsWith("US"), "foreignPortOfLading", "must be a foreign port");
        }
        if (v.check(Codes.isLocode(f.portOfArrival()), "portOfArrival", "required: the US port of arrival as a UN/LOCODE such as USLAX")) {
            v.check(f.portOfArrival().startsWith("US"), "portOfArrival", "must be a US port");
        }
        v.check(f.estimatedLadingAt() != null, "estimatedLadingAt", "required: date and time with offset (ISO 8601)");
        if (v.check(f.estimatedArrivalAt() != null, "estimatedArrivalAt", "required: date and time with offset (ISO 8601)")
                && f.estimatedLadingAt() != null) {
            if (v.check(f.estimatedArrivalAt().isAfter(f.estimatedLadingAt()), "estimatedArrivalAt", "must be after estimatedLadingAt")) {
                v.check(Duration.between(f.estimatedLadingAt(), f.estimatedArrivalAt()).compareTo(MAX_VOYAGE) <= 0,
                        "estimatedArrivalAt", "must be within " + MAX_VOYAGE.toDays() + " days of estimatedLadingAt");
            }
        }
        containers(f.containerList(), v);
        lines(f, v);
    }

    private static void isf10(IsfFiling f, Violations v) {
        v.check(f.shipmentType() == null, "shipmentType", "only an ISF_5 has a shipment type");
        party(f.seller(), "seller", true, v);
        party(f.buyer(), "buyer", true, v);
        party(f.shipTo(), "shipTo", true, v);
        v.check(Codes.isPartyNumber(f.importerOfRecordNumber()), "importerOfRecordNumber",
                "required: an IRS number (NN-NNNNNNN), CBP-assigned number (YYDDPP-NNNNN) or SSN");
        List<String> consignees = f.consigneeNumbers() == null ? List.of() : f.consigneeNumbers();
        v.check(!consignees.isEmpty(), "consigneeNumbers", "required: at least one consignee number");
        for (int i = 0; i < consignees.size(); i++) {
            v.check(Codes.isPartyNumber(consignees.get(i)), "consigneeNumbers[" + i + "]",
                    "an IRS number (NN-NNNNNNN), CBP-assigned number (YYDDPP-NNNNN) or SSN");
        }
        // items 9 and 10 may follow in an amendment; when present they must be complete
        party(f.containerStuffingLocation(), "containerStuffingLocation", false, v);
        party(f.consolidator(), "consolidator", false, v);
        v.check(f.bookingParty() == null, "bookingParty", "not an element of an ISF_10");
        v.check(f.foreignPortOfUnlading() == null, "foreignPortOfUnlading", "not an element of an ISF_10");
        v.check(f.placeOfDelivery() == null, "placeOfDelivery", "not an element of an ISF_10");
    }

    private static void isf5(IsfFiling f, Violations v) {
        v.check(f.shipmentType() != null, "shipmentType", "required for an ISF_5: FROB, IE or TE");
        party(f.bookingParty(), "bookingParty", true, v);
        party(f.shipTo(), "shipTo", true, v);
        v.check(Codes.isLocode(f.foreignPortOfUnlading()), "foreignPortOfUnlading", "required: a UN/LOCODE");
        v.check(Codes.isLocode(f.placeOfDelivery()), "placeOfDelivery", "required: a UN/LOCODE");
        v.check(f.seller() == null, "seller", "not an element of an ISF_5");
        v.check(f.buyer() == null, "buyer", "not an element of an ISF_5");
        v.check(f.importerOfRecordNumber() == null, "importerOfRecordNumber", "not an element of an ISF_5");
        v.check(f.consigneeNumbers() == null, "consigneeNumbers", "not an element of an ISF_5");
        v.check(f.containerStuffingLocation() == null, "containerStuffingLocation", "not an element of an ISF_5");
        v.check(f.consolidator() == null, "consolidator", "not an element of an ISF_5");
    }

    private static void containers(List<String> containers, Violations v) {
        if (!v.check(!containers.isEmpty(), "containers", "required: at least one container number")) {
            return;
        }
        if (!v.check(containers.size() <= MAX_CONTAINERS, "containers", "at most " + MAX_CONTAINERS)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            String number = containers.get(i);
            if (v.check(ContainerNumbers.isValid(number), "containers[" + i + "]",
                    "not an ISO 6346 container number (owner code, category U/J/Z, serial, check digit)")) {
                v.check(seen.add(number), "containers[" + i + "]", "listed twice");
            }
        }
    }

    private static void lines(IsfFiling f, Violations v) {
        List<CommodityLine> lines = f.lines();
        if (!v.check(!lines.isEmpty(), "commodityLines", "required: at least one commodity line")
                || !v.check(lines.size() <= MAX_LINES, "commodityLines", "at most " + MAX_LINES)) {
            return;
        }
        boolean importer = f.type() == FilingType.ISF_10;
        for (int i = 0; i < lines.size(); i++) {
            String path = "commodityLines[" + i + "]";
            CommodityLine line = lines.get(i);
            if (!v.check(line != null, path, "must not be null")) {
                continue;
            }
            v.check(Codes.isHtsNumber(Codes.normaliseHts(line.htsNumber())), path + ".htsNumber",
                    "required: an HTSUS number of 6, 8 or 10 digits in a known chapter (01-97)");
            if (importer || line.countryOfOrigin() != null) {
                v.check(Codes.isCountry(line.countryOfOrigin()), path + ".countryOfOrigin",
                        "required: an ISO 3166 alpha-2 country code");
            }
            party(line.manufacturer(), path + ".manufacturer", importer, v);
            v.check(line.description() == null || line.description().length() <= MAX_TEXT, path + ".description",
                    "at most " + MAX_TEXT + " characters");
            v.check(line.quantity() == null || line.quantity() > 0, path + ".quantity", "must be positive");
            v.check(isPositive(line.grossWeightKg()), path + ".grossWeightKg", "must be positive");
            v.check(line.declaredValueUsd() == null || line.declaredValueUsd().signum() >= 0, path + ".declaredValueUsd",
                    "must not be negative");
        }
    }

    private static void party(Party party, String path, boolean required, Violations v) {
        if (party == null) {
            v.check(!required, path, "required: name and address");
            return;
        }
        v.check(isText(party.name(), MAX_NAME), path + ".name", "required, at most " + MAX_NAME + " characters");
        Address address = party.address();
        if (!v.check(address != null, path + ".address", "required: street, city and country")) {
            return;
        }
        v.check(isText(address.street(), MAX_NAME), path + ".address.street", "required, at most " + MAX_NAME + " characters");
        v.check(isText(address.city(), MAX_NAME), path + ".address.city", "required, at most " + MAX_NAME + " characters");
        v.check(address.postalCode() == null || address.postalCode().length() <= 20, path + ".address.postalCode",
                "at most 20 characters");
        v.check(Codes.isCountry(address.countryCode()), path + ".address.countryCode", "required: an ISO 3166 alpha-2 country code");
    }

    private static boolean isBill(String bill) {
        return bill != null && BILL_OF_LADING.matcher(bill).matches();
    }

    private static boolean isText(String value, int max) {
        return value != null && !value.isBlank() && value.length() <= max;
    }

    private static boolean isPositive(BigDecimal value) {
        return value == null || value.signum() > 0;
    }
}
