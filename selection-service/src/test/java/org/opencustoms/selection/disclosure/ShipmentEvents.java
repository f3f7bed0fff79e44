package org.opencustoms.selection.disclosure;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.selection.Actors;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What closes a shipment, sent the way the peers send it: an inspection's outcome, or its containers leaving the terminal. */
public final class ShipmentEvents {

    private ShipmentEvents() {
    }

    public static void outcome(String decisionId, boolean violation) {
        Map<String, Object> label = new HashMap<>();
        label.put("inspectionId", UUID.randomUUID().toString());
        label.put("decisionId", decisionId);
        label.put("outcomeVersion", 1);
        label.put("violationFound", violation);
        label.put("category", violation ? "NARCOTICS" : null);
        label.put("categories", violation ? List.of("NARCOTICS") : List.of());
        label.put("examination", "FULL_PHYSICAL");
        label.put("action", violation ? "SEIZURE" : "RELEASE");
        label.put("correction", false);
        label.put("recordedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        Actors.as(Roles.INSPECTION_SERVICE).contentType(ContentType.JSON).body(label)
                .post("/api/v1/outcome-labels").then().statusCode(201);
    }

    public static void gateOut(List<String> containers, RequestSpecification carrier) {
        for (String container : containers) {
            carrier.contentType(ContentType.JSON)
                    .body(Map.of("containerNumber", container, "eventCode", "GATE_OUT",
                            "eventAt", OffsetDateTime.now(ZoneOffset.UTC).toString(), "place", "USBAL"))
                    .post("/api/v1/container-status-messages").then().statusCode(201);
        }
    }

    public static boolean inspectionLane(String lane) {
        return lane.equals("NII_SCAN") || lane.equals("PHYSICAL_EXAM");
    }
}
