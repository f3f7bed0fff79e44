package org.opencustoms.platform.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a realistic day of ocean traffic bound for US ports: voyages, ISF-10 and ISF-5 filings with
 * varied importers, origins and commodities, some filed late, some missing items 9 and 10, and the
 * carriers' stow plans and status messages, a few of which contradict the filings. Deterministic by seed.
 */
public final class ShipmentTraffic {

    public record Voyage(String vesselName, String imo, String voyage, String carrier, String portOfLading, String country,
                  Instant lading, String portOfArrival, Instant arrival) {
    }

    public record Shipment(Voyage voyage, Map<String, Object> filing, List<String> containers, String masterBill) {

        /** The party that owns the filing: its importer of record, or for a pass-through filing the carrier's agent. */
        public String filerParty() {
            Object importer = filing.get("importerOfRecordNumber");
            return importer != null ? importer.toString() : "AGENT-" + voyage.carrier();
        }
    }

    private record Origin(String country, String port, List<String> sellers) {
    }

    private record Commodity(String hts, String description) {
    }

    private static final List<Origin> ORIGINS = List.of(
            new Origin("CN", "CNSHA", List.of("Shanghai Jinqiao Textile Co.", "Ningbo Evergreen Hardware Ltd", "Shenzhen Bright Electronics Co.")),
            new Origin("CN", "CNYTN", List.of("Dongguan Pearl Furniture Co.", "Guangzhou Sunrise Toys Ltd")),
            new Origin("VN", "VNSGN", List.of("Saigon Garment Export JSC", "Binh Duong Wood Products Co.")),
            new Origin("IN", "INNSA", List.of("Mumbai Steel Fabricators Pvt Ltd", "Tiruppur Knitwear Exports")),
            new Origin("KR", "KRPUS", List.of("Busan Auto Parts Co.", "Hanil Chemical Industries")),
            new Origin("DE", "DEHAM", List.of("Hamburger Maschinenbau GmbH", "Nordsee Pharma AG")),
            new Origin("TR", "TRMER", List.of("Anatolia Ceramics AS", "Mersin Textile Sanayi")),
            new Origin("BR", "BRSSZ", List.of("Santos Cafe Exportadora Ltda", "Parana Wood Industria SA")),
            new Origin("MX", "MXZLO", List.of("Manzanillo Agro Export SA")),
            new Origin("TH", "THLCH", List.of("Laem Chabang Rubber Co.", "Siam Canned Foods Ltd")));

    private static final List<Commodity> COMMODITIES = List.of(
            new Commodity("8471.30.0100", "portable computers"),
            new Commodity("8517.13.0000", "smartphones"),
            new Commodity("6109.10.0012", "cotton T-shirts"),
            new Commodity("6403.99.9065", "leather footwear"),
            new Commodity("9403.60.8081", "wooden furniture"),
            new Commodity("9503.00.0073", "toys"),
            new Commodity("7318.15.8069", "steel bolts"),
            new Commodity("8708.99.8180", "motor vehicle parts"),
            new Commodity("0901.21.0000", "roasted coffee"),
            new Commodity("3004.90.9290", "medicaments"),
            new Commodity("4011.10.1010", "passenger car tyres"),
            new Commodity("6907.21.1000", "ceramic tiles"),
            new Commodity("2009.11.0000", "frozen orange juice"),
            new Commodity("3926.90.9989", "plastic articles"));

    private static final List<String> IMPORTERS = List.of(
            "Pacific Home Goods Inc.", "Lone Star Auto Supply LLC", "Atlantic Apparel Group", "Midwest Tools Corp.",
            "Golden Gate Electronics", "Harbor Coffee Roasters", "Sunbelt Furniture Outlet", "Great Lakes Pharma Dist.",
            "Cascade Outdoor Gear", "Bayou Imports LLC", "Empire Toy Company", "Desert Tile & Stone",
            "First Time Trading Co.", "Prairie Tire Wholesale", "Liberty Fashion House");

    private static final String[][] VESSELS = {
            {"MAERSK ESSEN", "9632179", "MAEU"}, {"MSC GULSUN", "9839430", "MSCU"}, {"CMA CGM MARCO POLO", "9454436", "CMDU"},
            {"COSCO SHIPPING UNIVERSE", "9795610", "COSU"}, {"HAPAG EXPRESS BERLIN", "9501368", "HLCU"}, {"ONE APUS", "9806079", "ONEY"}};

    public static final List<String> US_PORTS = List.of("USLAX", "USLGB", "USNYC", "USSAV", "USHOU", "USSEA");

    private final Random random;
    private final List<Voyage> voyages = new ArrayList<>();

    public ShipmentTraffic(long seed, Instant now) {
        random = new Random(seed);
        for (int i = 0; i < VESSELS.length; i++) {
            Origin origin = ORIGINS.get(random.nextInt(ORIGINS.size()));
            // most voyages load in two to six days; one loads in twelve hours, so its filings are late
            Instant lading = now.plus(i == 0 ? 12 : 48 + random.nextInt(96), ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
            voyages.add(new Voyage(VESSELS[i][0], VESSELS[i][1], (100 + random.nextInt(800)) + (random.nextBoolean() ? "E" : "W"),
                    VESSELS[i][2], origin.port(), origin.country(), lading, US_PORTS.get(random.nextInt(US_PORTS.size())),
                    lading.plus(12 + random.nextInt(20), ChronoUnit.DAYS)));
        }
    }

    List<Voyage> voyages() {
        return voyages;
    }

    public Shipment next() {
        Voyage voyage = voyages.get(random.nextInt(voyages.size()));
        Origin origin = ORIGINS.stream().filter(o -> o.port().equals(voyage.portOfLading())).findFirst().orElseThrow();
        List<String> containers = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            containers.add(containerNumber(voyage.carrier()));
        }
        String masterBill = voyage.carrier() + (100_000_000L + random.nextInt(900_000_000));
        Map<String, Object> filing = new LinkedHashMap<>();
        boolean passThrough = random.nextInt(100) < 15;
        filing.put("type", passThrough ? "ISF_5" : "ISF_10");
        filing.put("carrierCode", voyage.carrier());
        filing.put("masterBillOfLading", masterBill);
        filing.put("houseBillsOfLading", List.of("HB" + masterBill.substring(4)));
        filing.put("vessel", Map.of("name", voyage.vesselName(), "imoNumber", voyage.imo(), "voyage", voyage.voyage()));
        filing.put("foreignPortOfLading", voyage.portOfLading());
        filing.put("estimatedLadingAt", voyage.lading().toString());
        filing.put("portOfArrival", voyage.portOfArrival());
        filing.put("estimatedArrivalAt", voyage.arrival().toString());
        filing.put("containers", containers);
        String seller = pick(origin.sellers());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            Commodity commodity = pick(COMMODITIES);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("htsNumber", commodity.hts());
            line.put("description", commodity.description());
            // some goods are made in a third country and only shipped from the port of lading
            line.put("countryOfOrigin", random.nextInt(10) == 0 ? pick(ORIGINS).country() : origin.country());
            line.put("manufacturer", party(seller, origin.country()));
            line.put("quantity", 10 + random.nextInt(5000));
            line.put("grossWeightKg", 500 + random.nextInt(20_000));
            line.put("declaredValueUsd", 2_000 + random.nextInt(400_000));
            lines.add(line);
        }
        if (random.nextInt(100) < 6) {
            makeSuspicious(lines);
        }
        filing.put("commodityLines", lines);
        String importer = pick(IMPORTERS);
        if (passThrough) {
            filing.put("shipmentType", pick(List.of("FROB", "IE", "TE")));
            filing.put("bookingParty", party(pick(List.of("Transglobal Forwarding GmbH", "Oceanic NVOCC Ltd", "Andes Logistics SA")), "DE"));
            filing.put("foreignPortOfUnlading", pick(List.of("MXZLO", "CAVAN", "PAMIT", "NLRTM")));
            filing.put("placeOfDelivery", pick(List.of("MXMEX", "CAMTR", "PAPTY", "GTGUA")));
            filing.put("shipTo", party("Consignee of " + importer, "MX"));
        } else {
            filing.put("seller", party(seller, origin.country()));
            filing.put("buyer", party(importer, "US"));
            filing.put("importerOfRecordNumber", einOf(importer));
            filing.put("consigneeNumbers", List.of(einOf(importer)));
            filing.put("shipTo", party(importer + " Distribution Center", "US"));
            if (random.nextInt(10) > 0) {
                filing.put("containerStuffingLocation", party(origin.port() + " Container Freight Station", origin.country()));
                filing.put("consolidator", party(pick(List.of("Blue Ocean Consolidators", "Asia Pacific CFS", "Global Stuffing Services")),
                        origin.country()));
            }
        }
        return new Shipment(voyage, filing, containers, masterBill);
    }

    /** A few shipments look like what targeting centres look for: dubious parties, goods or origins. */
    private void makeSuspicious(List<Map<String, Object>> lines) {
        Map<String, Object> line = lines.get(0);
        switch (random.nextInt(3)) {
            case 0 -> line.put("manufacturer", party("Golden Crescent Gen. Trading LLC", "AE"));
            case 1 -> {
                line.put("htsNumber", "9306.30.4100");
                line.put("description", "cartridges");
            }
            default -> {
                line.put("countryOfOrigin", "IR");
                line.put("declaredValueUsd", 40);
            }
        }
    }

    /** The carrier's stow plan of a voyage: every filed container, but now and then one left off. */
    Map<String, Object> stowPlan(Voyage voyage, List<String> filedContainers) {
        List<Map<String, Object>> positions = new ArrayList<>();
        int slot = 0;
        for (String container : filedContainers) {
            if (random.nextInt(100) < 3) {
                continue;
            }
            positions.add(Map.of("containerNumber", container, "bay", 1 + (slot / 200) % 99, "row", slot % 20, "tier", 2 + (slot / 20) % 10 * 2));
            slot++;
        }
        if (random.nextBoolean()) {
            positions.add(Map.of("containerNumber", containerNumber(voyage.carrier()), "bay", 98, "row", 0, "tier", 82));
        }
        return Map.of("carrierCode", voyage.carrier(),
                "vessel", Map.of("name", voyage.vesselName(), "imoNumber", voyage.imo(), "voyage", voyage.voyage()),
                "positions", positions);
    }

    /** A container gated in at the port of lading; now and then one reported loaded at another port. */
    Map<String, Object> statusMessage(Shipment shipment, Instant now) {
        boolean contradicts = random.nextInt(100) < 4;
        String place = contradicts ? pick(List.of("SGSIN", "MYPKG", "LKCMB")) : shipment.voyage().portOfLading();
        return Map.of("containerNumber", shipment.containers().get(0), "billOfLading", shipment.masterBill(),
                "eventCode", contradicts ? "LOADED" : "GATE_IN", "eventAt", now.minus(1, ChronoUnit.HOURS).toString(),
                "place", place);
    }

    private String containerNumber(String carrier) {
        String owner = carrier.substring(0, 3) + "U";
        String firstTen = owner + String.format("%06d", random.nextInt(1_000_000));
        return firstTen + iso6346CheckDigit(firstTen);
    }

    /** ISO 6346: letters valued from A = 10 skipping multiples of 11, weighted by powers of two, mod 11 mod 10. */
    static int iso6346CheckDigit(String firstTen) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = firstTen.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : 10 + (c - 'A');
            if (!Character.isDigit(c)) {
                value += (value - 1) / 10;
            }
            sum += value << i;
        }
        return sum % 11 % 10;
    }

    private static String einOf(String name) {
        int hash = Math.abs(name.hashCode());
        return String.format("%02d-%07d", 10 + hash % 89, hash % 10_000_000);
    }

    private static Map<String, Object> party(String name, String country) {
        return Map.of("name", name, "address", Map.of("street", "1 Commerce Way", "city", "Port District", "countryCode", country));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
