package org.opencustoms.selection.isf;


import org.opencustoms.codes.ContainerNumbers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Valid filings as the JSON a filer sends (mutable maps, so tests can break one element at a time). */
public final class IsfFixtures {

    public static final String FILINGS = "/api/v1/isf-filings";

    private IsfFixtures() {
    }

    public static io.restassured.response.Response post(Object body) {
        return org.opencustoms.selection.Actors.importer().contentType(io.restassured.http.ContentType.JSON).body(body)
                .when().post(FILINGS);
    }

    public static String container() {
        String owner = List.of("MSCU", "MAEU", "CMAU", "HLXU", "TGHU").get(ThreadLocalRandom.current().nextInt(5));
        String firstTen = owner + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        return firstTen + ContainerNumbers.checkDigit(firstTen);
    }

    public static String bill() {
        return "MAEU" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    public static String voyage() {
        return "V" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    public static Map<String, Object> isf10() {
        return isf10("MAERSK ESSEN", voyage(), List.of(container(), container()), inDays(5));
    }

    public static Map<String, Object> isf10(String vesselName, String voyage, List<String> containers, OffsetDateTime lading) {
        Map<String, Object> filing = common("ISF_10", vesselName, voyage, containers, lading);
        filing.put("seller", party("Shenzhen Bright Electronics Co. Ltd", "CN"));
        filing.put("buyer", party("Pacific Home Goods Inc.", "US"));
        filing.put("importerOfRecordNumber", "12-3456789");
        filing.put("consigneeNumbers", new ArrayList<>(List.of("12-3456789")));
        filing.put("shipTo", party("Pacific Home Goods Warehouse", "US"));
        filing.put("containerStuffingLocation", party("Yantian CFS No. 3", "CN"));
        filing.put("consolidator", party("Blue Ocean Consolidators Ltd", "CN"));
        return filing;
    }

    public static Map<String, Object> isf5(String shipmentType) {
        Map<String, Object> filing = common("ISF_5", "CMA CGM MARCO POLO", voyage(), List.of(container()), inDays(4));
        filing.put("shipmentType", shipmentType);
        filing.put("bookingParty", party("Transglobal Forwarding GmbH", "DE"));
        filing.put("foreignPortOfUnlading", "MXZLO");
        filing.put("placeOfDelivery", "MXMEX");
        filing.put("shipTo", party("Comercializadora del Pacifico SA", "MX"));
        return filing;
    }

    private static Map<String, Object> common(String type, String vesselName, String voyage, List<String> containers,
                                              OffsetDateTime lading) {
        Map<String, Object> filing = new LinkedHashMap<>();
        filing.put("type", type);
        filing.put("carrierCode", "MAEU");
        filing.put("masterBillOfLading", bill());
        filing.put("houseBillsOfLading", new ArrayList<>(List.of("HB" + bill())));
        Map<String, Object> vessel = new LinkedHashMap<>();
        vessel.put("name", vesselName);
        vessel.put("imoNumber", "9632179");
        vessel.put("voyage", voyage);
        filing.put("vessel", vessel);
        filing.put("foreignPortOfLading", "CNYTN");
        filing.put("estimatedLadingAt", lading.toString());
        filing.put("portOfArrival", "USLAX");
        filing.put("estimatedArrivalAt", lading.plusDays(14).toString());
        filing.put("containers", new ArrayList<>(containers));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("htsNumber", "8471.30.0100");
        line.put("description", "portable computers");
        line.put("countryOfOrigin", "CN");
        line.put("manufacturer", party("Shenzhen Bright Electronics Co. Ltd", "CN"));
        line.put("quantity", 1200);
        line.put("grossWeightKg", 3400.5);
        line.put("declaredValueUsd", 410000);
        filing.put("commodityLines", new ArrayList<>(List.of(line)));
        return filing;
    }

    public static Map<String, Object> party(String name, String country) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", "12 Harbour Road");
        address.put("city", "Port City");
        address.put("postalCode", "518000");
        address.put("countryCode", country);
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("name", name);
        party.put("address", address);
        return party;
    }

    public static OffsetDateTime inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).truncatedTo(ChronoUnit.SECONDS);
    }

    public static OffsetDateTime inHours(int hours) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusHours(hours).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Sets (or, with {@link #REMOVE}, removes) the element at a path such as {@code commodityLines[0].htsNumber}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> filing, String path, Object value) {
        String[] parts = path.split("\\.");
        Object node = filing;
        for (int i = 0; i < parts.length - 1; i++) {
            node = step(node, parts[i]);
        }
        String last = parts[parts.length - 1];
        if (last.endsWith("]")) {
            List<Object> list = (List<Object>) step(node, last.substring(0, last.indexOf('[')));
            int index = Integer.parseInt(last.substring(last.indexOf('[') + 1, last.length() - 1));
            if (value == REMOVE) {
                list.remove(index);
            } else {
                list.set(index, value);
            }
        } else if (value == REMOVE) {
            ((Map<String, Object>) node).remove(last);
        } else {
            ((Map<String, Object>) node).put(last, value);
        }
        return filing;
    }

    public static final Object REMOVE = new Object();

    @SuppressWarnings("unchecked")
    private static Object step(Object node, String part) {
        if (part.endsWith("]")) {
            List<Object> list = (List<Object>) ((Map<String, Object>) node).get(part.substring(0, part.indexOf('[')));
            return list.get(Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1)));
        }
        return ((Map<String, Object>) node).get(part);
    }
}
