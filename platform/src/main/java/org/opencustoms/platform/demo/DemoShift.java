package org.opencustoms.platform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.cli.PlatformOptions;
import org.opencustoms.platform.cli.ServiceSpec;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.HashMap;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.proto.scan.v1.ScannerIdentity;
import org.opencustoms.platform.pki.CaCommand;
import org.opencustoms.platform.pki.PlatformCa;

/**
 * A simulated shift driven through the running platform, step by step, ending in a summary. Each step
 * uses the platform's public APIs only, as the users and systems it stands for would.
 */
public final class DemoShift {

    private final PlatformOptions options;
    private final long seed;
    private final int filings;
    private final int scans;
    private final PrintStream out;
    private final ApiClient selection = new ApiClient(ServiceSpec.SELECTION.baseUrl());
    private final List<String> filingIds = new ArrayList<>();
    private final ApiClient scanAnalysis = new ApiClient(ServiceSpec.SCAN_ANALYSIS.baseUrl());
    private String treeHead = "";
    private List<String> scanIds = List.of();
    private final List<String> selectedContainers = new ArrayList<>();
    private final DemoIdentities identities;

    /** A shift of {@code filings} filings and {@code scans} scans, drawn from {@code seed}. */
    public DemoShift(PlatformOptions options, long seed, int filings, int scans, PrintStream out) {
        this.options = options;
        this.seed = seed;
        this.filings = filings;
        this.scans = scans;
        this.out = out;
        this.identities = new DemoIdentities(options.dataDirectory());
    }

    public int run() {
        Instant now = Instant.now();
        ShipmentTraffic traffic = new ShipmentTraffic(seed, now);
        out.printf("%nDemo shift (seed %d; repeat it with --seed %d)%n", seed, seed);

        Tally tally = new Tally();
        List<ShipmentTraffic.Shipment> shipments = fileFilings(traffic, filings, tally);
        sendCarrierData(traffic, shipments, now, tally);
        reviewDecisions(shipments, tally);
        streamScans(seed, tally);
        SupervisorAudit audit = new SupervisorAudit(identities.as(Roles.SUPERVISOR), out);
        long labelledBefore = audit.labelledFilings();
        inspect(seed, tally);
        audit(audit, labelledBefore + tally.counts.getOrDefault("outcomes recorded", 0));
        showDisclosure(shipments, tally);
        printSummary(tally);
        return 0;
    }

    private List<ShipmentTraffic.Shipment> fileFilings(ShipmentTraffic traffic, int count, Tally tally) {
        out.printf("%n[1] ISF filings: %d importers' and pass-through filings to selection-service%n", count);
        List<ShipmentTraffic.Shipment> shipments = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ShipmentTraffic.Shipment shipment = traffic.next();
            Map<String, String> headers = new HashMap<>(identities.importer(shipment.filerParty()));
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
            ApiClient.Reply reply = selection.post("/api/v1/isf-filings", shipment.filing(), headers);
            if (!reply.ok()) {
                throw new PlatformException("selection-service refused a generated filing (" + reply.status() + "): " + reply.body());
            }
            shipments.add(shipment);
            filingIds.add(reply.body().path("id").asText());
            tally.count("filings " + shipment.filing().get("type"));
            tally.count("status " + reply.body().path("status").asText());
            JsonNode compliance = reply.body().path("compliance");
            if (compliance.path("filedLate").asBoolean()) {
                tally.count("filed late");
            }
            if (compliance.path("stuffingItemsOutstanding").asBoolean()) {
                tally.count("items 9 and 10 outstanding");
            }
            if (i % Math.max(1, count / 5) == 0 || i == count) {
                out.printf("    filed %d/%d%n", i, count);
            }
        }
        return shipments;
    }

    private void sendCarrierData(ShipmentTraffic traffic, List<ShipmentTraffic.Shipment> shipments, Instant now, Tally tally) {
        out.printf("%n[2] Carrier data: a stow plan per voyage and container status messages%n");
        Map<ShipmentTraffic.Voyage, List<String>> filedByVoyage = new LinkedHashMap<>();
        shipments.forEach(s -> filedByVoyage.computeIfAbsent(s.voyage(), v -> new ArrayList<>()).addAll(s.containers()));
        filedByVoyage.forEach((voyage, containers) -> {
            ApiClient.Reply reply = selection.post("/api/v1/stow-plans", traffic.stowPlan(voyage, containers),
                    identities.carrier(voyage.carrier()));
            requireOk(reply, "a stow plan");
            tally.add("discrepancies", reply.body().path("discrepancies").size());
            tally.add("containers on stow plans but on no filing", reply.body().path("unfiledContainers").size());
            out.printf("    %s voyage %s: %d positions, %d filings matched, %d discrepancies%n", voyage.vesselName(), voyage.voyage(),
                    reply.body().path("positions").asInt(), reply.body().path("filingsMatched").asInt(),
                    reply.body().path("discrepancies").size());
        });
        int messages = 0;
        for (ShipmentTraffic.Shipment shipment : shipments) {
            ApiClient.Reply reply = selection.post("/api/v1/container-status-messages", traffic.statusMessage(shipment, now),
                    identities.carrier(shipment.voyage().carrier()));
            requireOk(reply, "a status message");
            tally.add("discrepancies", reply.body().path("discrepancies").size());
            messages++;
        }
        out.printf("    %d status messages sent%n", messages);
    }

    private void reviewDecisions(List<ShipmentTraffic.Shipment> shipments, Tally tally) {
        out.printf("%n[3] Selection decisions: read back as an auditor, each with its place in the signed log%n");
        Map<String, String> auditor = identities.as(Roles.AUDITOR);
        for (int i = 0; i < filingIds.size(); i++) {
            String id = filingIds.get(i);
            ApiClient.Reply reply = selection.get("/api/v1/isf-filings/" + id + "/decision", auditor);
            requireOk(reply, "to show a decision");
            JsonNode decision = reply.body().path("decision");
            tally.count("lane " + decision.path("lane").asText());
            boolean risk = decision.path("pickedByRisk").asBoolean();
            boolean random = decision.path("pickedAtRandom").asBoolean();
            if (risk || random) {
                selectedContainers.add(shipments.get(i).containers().get(0));
                tally.count(risk && random ? "selected by risk and at random" : risk ? "selected by risk" : "selected at random");
            }
        }
        JsonNode head = selection.get("/api/v1/audit/log/tree-head").body();
        JsonNode verification = selection.get("/api/v1/audit/log/verify").body();
        treeHead = String.format("size %d, root %s, signed %s", head.path("treeSize").asLong(), head.path("rootHash").asText(),
                head.path("timestamp").asText());
        out.printf("    %d decisions read; decision log %s (%s)%n", filingIds.size(),
                verification.path("verified").asBoolean() ? "verifies" : "DOES NOT VERIFY", treeHead);
    }

    private void streamScans(long seed, Tally tally) {
        out.printf("%n[4] Scans: a simulated X-ray portal (DEMO-PORTAL-1 at USLAX, certified by the platform CA) scans the selected "
                + "containers and streams the scans over gRPC with mutual TLS to scan-analysis-service (port %d), which analyses "
                + "them and sends its findings to inspection-service%n",
                ServiceSpec.SCAN_INGEST_GRPC_PORT);
        List<String> arguments = new ArrayList<>(List.of("--scans", Long.toString(scans), "--modality", "xray", "--scale", "0.5",
                "--seed", Long.toString(seed)));
        List<String> scanned = selectedContainers.subList(0, (int) Math.min(scans, selectedContainers.size()));
        if (!scanned.isEmpty()) {
            arguments.addAll(List.of("--containers", String.join(",", scanned)));
        }
        // the portal is a scanner the platform CA certified: it connects with mutual TLS, as itself
        PlatformCa ca = PlatformCa.loadOrCreate(CaCommand.directory(options.dataDirectory()));
        PlatformCa.Issued portal = ca.issueScanner(new ScannerIdentity("DEMO-PORTAL-1", "USLAX"), Duration.ofDays(1),
                CaCommand.directory(options.dataDirectory()).resolve("scanners").resolve("DEMO-PORTAL-1"));
        arguments.addAll(List.of("--tls-dir", portal.certificate().getParent().toString()));
        scanIds = SimulatedScannerRun.stream(options.home(), arguments, out);
        Map<String, String> containers = new LinkedHashMap<>();
        for (int i = 0; i < scanIds.size(); i++) {
            containers.put(scanIds.get(i), scanned.isEmpty() ? "(simulated)" : scanned.get(i % scanned.size()));
        }
        for (String scanId : scanIds) {
            ApiClient.Reply reply = scanAnalysis.get("/api/v1/scans/" + scanId, identities.as(Roles.SUPERVISOR));
            if (!reply.ok()) {
                throw new PlatformException("scan-analysis-service does not know the scan it acknowledged, " + scanId + " (" + reply.status() + ")");
            }
            tally.count("scans stored");
        }
        out.printf("    analysis (the shipped DJL models on scan-analysis-service's worker pool):%n");
        new ScanFindingsReport(identities.as(Roles.SUPERVISOR), out).await(scanIds, containers).forEach(tally::add);
    }

    private void inspect(long seed, Tally tally) {
        out.printf("%n[5] Inspections: selected shipments arrive as tasks; inspector1 records outcomes through the tablet's API%n");
        int selected = tally.counts.getOrDefault("selected by risk", 0) + tally.counts.getOrDefault("selected at random", 0)
                + tally.counts.getOrDefault("selected by risk and at random", 0);
        new YardInspections(identities.inspector("inspector1", ShipmentTraffic.US_PORTS), identities.as(Roles.SUPERVISOR), seed, out)
                .work(selected)
                .forEach(tally::add);
    }

    private void audit(SupervisorAudit audit, long expectedLabelled) {
        out.printf("%n[6] Supervisor's audit: fairness, compliance and KPIs of the last 30 days, once the outcomes reach selection%n");
        audit.awaitLabels(expectedLabelled);
        audit.print();
    }

    /**
     * What the log tells whom: the public sees a commitment; each importer asks for its decision, and gets it, with
     * the salt that opens the commitment, only for a shipment whose inspection is closed.
     */
    private void showDisclosure(List<ShipmentTraffic.Shipment> shipments, Tally tally) {
        out.printf("%n[7] Transparency without tip-offs: the public log holds commitments; each importer asks for its own decision%n");
        boolean shown = false;
        for (int i = 0; i < filingIds.size(); i++) {
            ApiClient.Reply reply = selection.get("/api/v1/isf-filings/" + filingIds.get(i) + "/decision/disclosed",
                    identities.importer(shipments.get(i).filerParty()));
            if (reply.status() == 409) {
                tally.count("importer asked, not disclosed (shipment still open)");
                continue;
            }
            requireOk(reply, "an importer's own decision");
            String envelope = reply.body().path("envelope").asText();
            boolean opens = envelope.contains("\"commitment\":\"" + commitment(reply.body().path("salt").asText(),
                    reply.body().path("content").asText()) + "\"");
            tally.count(opens ? "importer read its decision once inspected; commitment opens" : "importer's decision: COMMITMENT DOES NOT OPEN");
            if (!shown) {
                shown = true;
                out.printf("    public leaf %d: %s%n    its importer, after the inspection: lane %s; reasons: %s%n",
                        reply.body().path("logIndex").asLong(), envelope, reply.body().path("decision").path("lane").asText(),
                        reply.body().path("decision").path("reasons").findValuesAsText("text"));
            }
        }
        out.printf("    the public page: %s/transparency (a day is disclosed 45 days after it ends, once all its shipments are closed)%n",
                ServiceSpec.SELECTION.baseUrl());
    }

    private static String commitment(String saltBase64, String content) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(java.util.Base64.getDecoder().decode(saltBase64));
            return java.util.HexFormat.of().formatHex(sha.digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The party that files: the importer of record of an ISF-10, the filer code of the carrier's agent for an ISF-5. */

    private void printSummary(Tally tally) {
        out.printf("%nSummary%n");
        tally.counts.forEach((name, value) -> out.printf("  %-45s %d%n", name, value));
        out.printf("  %-45s %s%n", "decision log tree head", treeHead);
        out.printf("%nEvery call needs a token of its caller's role; for example, as a supervisor:%n");
        out.printf("  TOKEN=$(bin/platform token --role supervisor | tail -1)%n");
        out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %s/api/v1/isf-filings   (API docs: %s/q/swagger-ui)%n",
                ServiceSpec.SELECTION.baseUrl(), ServiceSpec.SELECTION.baseUrl());
        if (!scanIds.isEmpty()) {
            out.printf("  curl -H \"Authorization: Bearer $TOKEN\" -o scan.png %s/api/v1/scans/%s/analysis/rendition   (a scan with its "
                    + "suspect regions drawn)%n", ServiceSpec.SCAN_ANALYSIS.baseUrl(), scanIds.get(0));
        }
        out.printf("The inspectors' tablet app: %s/ (sign in as inspector1 / inspector1)%n", ServiceSpec.INSPECTION.baseUrl());
        out.printf("The supervisors' audit dashboard: %s/audit (sign in as supervisor / supervisor)%n", ServiceSpec.SELECTION.baseUrl());
    }

    private static void requireOk(ApiClient.Reply reply, String what) {
        if (!reply.ok()) {
            throw new PlatformException("selection-service refused " + what + " (" + reply.status() + "): " + reply.body());
        }
    }

    private static final class Tally {
        private final Map<String, Integer> counts = new TreeMap<>();

        void count(String name) {
            add(name, 1);
        }

        void add(String name, int value) {
            counts.merge(name, value, Integer::sum);
        }
    }
}
