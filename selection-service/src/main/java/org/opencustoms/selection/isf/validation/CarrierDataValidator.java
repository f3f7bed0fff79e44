package org.opencustoms.selection.isf.validation;

import org.opencustoms.codes.ContainerNumbers;
import org.opencustoms.selection.isf.model.ContainerStatusMessage;
import org.opencustoms.selection.isf.model.StowPlan;
import org.opencustoms.selection.isf.model.StowPosition;
import org.opencustoms.selection.isf.model.Vessel;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules of the carrier's two elements: stow plans (bay/row/tier after ISO 9711) and container status messages. */
public final class CarrierDataValidator {

    static final int MAX_POSITIONS = 30_000;

    private CarrierDataValidator() {
    }

    public static void validate(StowPlan plan) {
        Violations v = new Violations();
        if (plan == null) {
            v.add("", "a stow plan is required in the request body");
            v.throwIfAny("The stow plan is not valid");
        }
        v.check(Codes.isScac(plan.carrierCode()), "carrierCode", "required: the carrier's SCAC, 2 to 4 capital letters");
        vessel(plan.vessel(), "vessel", v);
        List<StowPosition> positions = plan.positions() == null ? List.of() : plan.positions();
        if (v.check(!positions.isEmpty(), "positions", "required: at least one position")
                && v.check(positions.size() <= MAX_POSITIONS, "positions", "at most " + MAX_POSITIONS)) {
            Set<String> seen = new HashSet<>();
            Set<String> slots = new HashSet<>();
            for (int i = 0; i < positions.size(); i++) {
                String path = "positions[" + i + "]";
                StowPosition p = positions.get(i);
                if (!v.check(p != null, path, "must not be null")) {
                    continue;
                }
                if (v.check(ContainerNumbers.isValid(p.containerNumber()), path + ".containerNumber", "not an ISO 6346 container number")) {
                    v.check(seen.add(p.containerNumber()), path + ".containerNumber", "stowed twice");
                }
                boolean bay = v.check(p.bay() != null && p.bay() >= 1 && p.bay() <= 99, path + ".bay", "required: 1 to 99");
                boolean row = v.check(p.row() != null && p.row() >= 0 && p.row() <= 30, path + ".row", "required: 0 to 30");
                boolean tier = v.check(p.tier() != null && p.tier() >= 1 && p.tier() <= 99, path + ".tier", "required: 1 to 99");
                if (bay && row && tier) {
                    v.check(slots.add(p.bay() + "/" + p.row() + "/" + p.tier()), path, "two containers in one slot");
                }
            }
        }
        v.throwIfAny("The stow plan is not valid");
    }

    public static void validate(ContainerStatusMessage message) {
        Violations v = new Violations();
        if (message == null) {
            v.add("", "a status message is required in the request body");
            v.throwIfAny("The status message is not valid");
        }
        v.check(ContainerNumbers.isValid(message.containerNumber()), "containerNumber", "required: an ISO 6346 container number");
        v.check(message.billOfLading() == null || message.billOfLading().matches("[A-Z0-9]{4,35}"), "billOfLading",
                "4 to 35 capital letters or digits");
        v.check(message.eventCode() != null, "eventCode", "required");
        OffsetDateTime at = message.eventAt();
        if (v.check(at != null, "eventAt", "required: date and time with offset (ISO 8601)")) {
            v.check(!at.isAfter(OffsetDateTime.now().plusHours(1)), "eventAt", "must not be in the future");
        }
        v.check(Codes.isLocode(message.place()), "place", "required: a UN/LOCODE");
        if (message.vessel() != null) {
            vessel(message.vessel(), "vessel", v);
        }
        v.throwIfAny("The status message is not valid");
    }

    static void vessel(Vessel vessel, String path, Violations v) {
        if (!v.check(vessel != null, path, "required: name and voyage")) {
            return;
        }
        v.check(vessel.name() != null && !vessel.name().isBlank() && vessel.name().length() <= 200, path + ".name",
                "required, at most 200 characters");
        v.check(vessel.voyage() != null && vessel.voyage().matches("[A-Z0-9][A-Z0-9-]{0,19}"), path + ".voyage",
                "required: 1 to 20 capital letters, digits or dashes");
        v.check(vessel.imoNumber() == null || Codes.isImoNumber(vessel.imoNumber()), path + ".imoNumber",
                "seven digits with a valid check digit");
    }
}
