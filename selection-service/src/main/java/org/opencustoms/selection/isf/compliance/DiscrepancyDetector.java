package org.opencustoms.selection.isf.compliance;

import org.opencustoms.selection.isf.model.Discrepancy;
import org.opencustoms.selection.isf.model.IsfFiling;
import org.opencustoms.selection.isf.model.StatusEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Compares a filing with the carrier's "+2": the vessel stow plan and the container status messages. */
public final class DiscrepancyDetector {

    public record StowPlanFacts(UUID id, Set<String> containers) {
    }

    public record StatusFacts(UUID id, String container, String billOfLading, StatusEvent event, String place, String vesselKey) {
    }

    public record Finding(String kind, String detail, String source, UUID sourceId) {
    }

    private DiscrepancyDetector() {
    }

    /** Every filed container must be on the stow plan of the voyage the filing names. */
    public static List<Finding> againstStowPlan(IsfFiling filing, StowPlanFacts plan) {
        List<Finding> findings = new ArrayList<>();
        for (String container : filing.containerList()) {
            if (!plan.containers().contains(container)) {
                findings.add(new Finding(Discrepancy.CONTAINER_NOT_ON_STOW_PLAN,
                        "container " + container + " is not on the stow plan of " + filing.vessel().name() + " voyage "
                                + filing.vessel().voyage(),
                        Discrepancy.SOURCE_STOW_PLAN, plan.id()));
            }
        }
        return findings;
    }

    /** A status message about one of the filing's containers must fit the filing's bills, port and voyage. */
    public static List<Finding> againstStatus(IsfFiling filing, String filingVesselKey, StatusFacts message) {
        List<Finding> findings = new ArrayList<>();
        if (!filing.containerList().contains(message.container())) {
            return findings;
        }
        if (message.billOfLading() != null && !message.billOfLading().equals(filing.masterBillOfLading())
                && !filing.houseBills().contains(message.billOfLading())) {
            findings.add(finding(Discrepancy.BILL_NOT_ON_FILING, "container " + message.container()
                    + " is reported under bill of lading " + message.billOfLading() + ", which the filing does not list", message));
        }
        if (message.event() == StatusEvent.LOADED) {
            if (!message.place().equals(filing.foreignPortOfLading())) {
                findings.add(finding(Discrepancy.LOADED_AT_OTHER_PORT, "container " + message.container() + " was loaded at "
                        + message.place() + ", but the filing declares " + filing.foreignPortOfLading() + " as port of lading", message));
            }
            if (message.vesselKey() != null && !message.vesselKey().equals(filingVesselKey)) {
                findings.add(finding(Discrepancy.LOADED_ON_OTHER_VESSEL, "container " + message.container() + " was loaded on "
                        + message.vesselKey() + ", but the filing declares " + filingVesselKey, message));
            }
        }
        return findings;
    }

    private static Finding finding(String kind, String detail, StatusFacts message) {
        return new Finding(kind, detail, Discrepancy.SOURCE_STATUS_MESSAGE, message.id());
    }
}
