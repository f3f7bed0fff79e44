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

/** What closes a shipment, sent the way the peers send it: an inspection's outcome, or its containers discharged and leaving the terminal. */
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

    /** The filing's containers are discharged from its vessel at its port of arrival, then leave the terminal there. */
    public static void release(Map<String, Object> filing, RequestSpecification carrier) {
        for (String container : containers(filing)) {
            status(carrier, container, "DISCHARGED", filing);
            status(carrier, container, "GATE_OUT", filing);
        }
    }

    /** Only the gate-out, as for containers that never came on the filing's vessel. */
    public static void gateOutOnly(Map<String, Object> filing, RequestSpecification carrier) {
        for (String container : containers(filing)) {
            status(carrier, container, "GATE_OUT", filing);
        }
    }

    private static void status(RequestSpecification carrier, String container, String event, Map<String, Object> filing) {
        Map<String, Object> message = new HashMap<>(Map.of("containerNumber", container, "eventCode", event,
                "eventAt", OffsetDateTime.now(ZoneOffset.UTC).toString(), "place", filing.get("portOfArrival")));
        if (event.equals("DISCHARGED")) {
            message.put("vessel", filing.get("vessel"));
        }
        carrier.contentType(ContentType.JSON).body(message).post("/api/v1/container-status-messages").then().statusCode(201);
    }

    public static List<String> containers(Map<String, Object> filing) {
        return ((List<?>) filing.get("containers")).stream().map(Object::toString).toList();
    }

    public static boolean inspectionLane(String lane) {
        return lane.equals("NII_SCAN") || lane.equals("PHYSICAL_EXAM");
    }
}
