package org.opencustoms.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opencustoms.platform.cli.PlatformException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * An outside auditor's check of selection-service, written apart from the service's own code and using only
 * its public audit API: rebuilds the RFC 6962 tree from the log entries and compares it with the signed tree
 * head, then recomputes every random pick of a closed period from the revealed seed.
 */
public final class LogAuditor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 5000;

    private final String baseUrl;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LogAuditor(String baseUrl, PrintStream out) {
        this.baseUrl = baseUrl;
        this.out = out;
    }

    /** Returns true when the log and the period's draws all check out. */
    public boolean verifyRandomDraws(String period) throws GeneralSecurityException {
        JsonNode head = get("/api/v1/audit/log/tree-head");
        long size = head.get("treeSize").asLong();
        List<JsonNode> entries = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        for (long from = 0; from < size; from += PAGE) {
            for (JsonNode entry : get("/api/v1/audit/log/entries?from=" + from + "&limit=" + PAGE)) {
                if (entry.get("index").asLong() < size) {
                    byte[] bytes = entry.get("entry").asText().getBytes(StandardCharsets.UTF_8);
                    leaves.add(hash(new byte[] {0}, bytes));
                    entries.add(readTree(entry.get("entry").asText()));
                }
            }
        }
        byte[] root = root(leaves, 0, leaves.size());
        boolean rootMatches = Arrays.equals(root, Base64.getDecoder().decode(head.get("rootHash").asText()));
        boolean signed = signatureVerifies(head, root);
        out.printf("log: %d entries, rebuilt root %s the signed tree head; signature %s%n", leaves.size(),
                rootMatches ? "matches" : "DOES NOT MATCH", signed ? "verifies" : "DOES NOT VERIFY");

        JsonNode seed = null;
        for (JsonNode published : get("/api/v1/audit/seeds?limit=400")) {
            if (published.get("period").asText().equals(period)) {
                seed = published;
            }
        }
        if (seed == null) {
            throw new PlatformException("no seed was published for period " + period);
        }
        if (!seed.path("revealed").asBoolean()) {
            throw new PlatformException("period " + period + " has not ended: its seed is not revealed yet (commitment "
                    + seed.get("commitment").asText() + ")");
        }
        byte[] seedBytes = HexFormat.of().parseHex(seed.get("seedHex").asText());
        boolean committed = HexFormat.of().formatHex(hash(new byte[0], seedBytes)).equals(seed.get("commitment").asText());
        out.printf("seed of %s: %s its commitment%n", period, committed ? "matches" : "DOES NOT MATCH");

        int decisions = 0;
        int picks = 0;
        int mismatches = 0;
        for (JsonNode decision : entries) {
            if (!period.equals(decision.path("randomPeriod").asText())) {
                continue;
            }
            decisions++;
            byte[] draw = hmac(seedBytes, decision.get("shipmentKey").asText());
            boolean picked = new BigInteger(1, draw).compareTo(threshold(decision.get("randomRate").asDouble())) < 0;
            if (decision.get("pickedAtRandom").asBoolean()) {
                picks++;
            }
            if (picked != decision.get("pickedAtRandom").asBoolean()
                    || !HexFormat.of().formatHex(draw).equals(decision.get("randomDraw").asText())) {
                mismatches++;
                out.printf("  MISMATCH: decision %s (%s)%n", decision.get("id").asText(), decision.get("shipmentKey").asText());
            }
        }
        out.printf("random draws of %s: %d decisions, %d random picks, %d recomputed identically, %d mismatches%n",
                period, decisions, picks, decisions - mismatches, mismatches);
        return rootMatches && signed && committed && mismatches == 0;
    }

    private boolean signatureVerifies(JsonNode head, byte[] root) throws GeneralSecurityException {
        JsonNode key = get("/api/v1/audit/log/public-key");
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText())));
        String signedText = "opencustoms-decision-log/v1\n" + head.get("treeSize").asLong() + "\n"
                + Base64.getEncoder().encodeToString(root) + "\n" + head.get("timestampMillis").asLong() + "\n";
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(publicKey);
        signature.update(signedText.getBytes(StandardCharsets.UTF_8));
        return signature.verify(Base64.getDecoder().decode(head.get("signature").asText()));
    }

    /** RFC 6962 MTH over leaf hashes [from, to). */
    static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return hash(new byte[0], new byte[0]);
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        byte[] left = root(leaves, from, from + k);
        byte[] right = root(leaves, from + k, to);
        byte[] both = new byte[left.length + right.length];
        System.arraycopy(left, 0, both, 0, left.length);
        System.arraycopy(right, 0, both, left.length, right.length);
        return hash(new byte[] {1}, both);
    }

    static BigInteger threshold(double rate) {
        return new BigDecimal(rate).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(256))).toBigInteger();
    }

    private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hash(byte[] prefix, byte[] data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prefix);
            return sha.digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new PlatformException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PlatformException("cannot reach selection-service at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new PlatformException("a log entry is not JSON: " + e.getMessage(), e);
        }
    }
}
