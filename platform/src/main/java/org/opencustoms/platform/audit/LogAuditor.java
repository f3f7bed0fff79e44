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
import java.nio.file.Path;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An outside auditor's check of selection-service, written apart from the service's own code and using only its
 * audit API: rebuilds the RFC 6962 tree from the log's public leaves and compares it with the signed tree head
 * (verifying the signature with the key the head names); for a period it may read (disclosed, or any ended period
 * with an auditor's token) it checks every commitment against the content and salt and recomputes every random
 * pick from the seed. With a state file it also checks that the log only grew since the head it saw last.
 */
public final class LogAuditor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 5000;

    private final String baseUrl;
    private final String token;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path stateFile;

    /** {@code token} may be null: then only what the public may read is checked. */
    public LogAuditor(String baseUrl, String token, PrintStream out) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.out = out;
    }

    /** Remember the verified head, the keys and the seed commitments in this file, and hold the server to them next time. */
    public LogAuditor rememberingIn(Path file) {
        this.stateFile = file;
        return this;
    }

    private record Leaves(List<byte[]> hashes, Map<Long, String> envelopes, int legacy, List<String> problems) {
    }

    /** Returns true when the log, its growth since the last run, the period's commitments and its draws all check out. */
    public boolean verifyRandomDraws(String period) throws GeneralSecurityException {
        AuditorState state = AuditorState.load(stateFile);
        // the day's decisions first: every entry they include is then below the head read next
        JsonNode disclosed = get("/api/v1/transparency/periods/" + period + "/decisions");
        JsonNode head = get("/api/v1/audit/log/tree-head");
        long size = head.get("treeSize").asLong();
        Leaves leaves = leaves(size);
        leaves.problems().forEach(problem -> out.printf("  %s%n", problem));
        byte[] root = root(leaves.hashes(), 0, leaves.hashes().size());
        boolean rootMatches = Arrays.equals(root, Base64.getDecoder().decode(head.get("rootHash").asText()));
        boolean signed = signatureVerifies(head, root, state);
        out.printf("log: %d entries (%d from before commitments, taken by their leaf hash); rebuilt root %s the signed tree head; "
                        + "signature by key %s %s%n", leaves.hashes().size(), leaves.legacy(), rootMatches ? "matches" : "DOES NOT MATCH",
                head.get("keyId").asText(), signed ? "verifies" : "DOES NOT VERIFY");
        boolean grewConsistently = consistentWithLastSeen(head, state);

        List<JsonNode> decisions = new ArrayList<>();
        boolean commitments = commitmentsOpen(period, disclosed, leaves.envelopes(), decisions);

        if (!disclosed.path("seedHex").isTextual()) {
            throw new PlatformException("the seed of period " + period + " is not revealed to this caller yet (commitment "
                    + disclosed.get("seedCommitment").asText() + ")");
        }
        boolean seedCommitted = seedMatchesItsCommitment(period, disclosed, state);
        boolean draws = drawsRecompute(period, HexFormat.of().parseHex(disclosed.get("seedHex").asText()), decisions);
        boolean verified = leaves.problems().isEmpty() && rootMatches && signed && grewConsistently && commitments && seedCommitted && draws;
        if (verified) {
            state.treeSize = size;
            state.rootHash = head.get("rootHash").asText();
            state.save();
        }
        return verified;
    }

    /** Every leaf up to the head: an envelope rehashed at its own index, or, only before the first envelope, a bare leaf hash. */
    private Leaves leaves(long size) {
        List<byte[]> hashes = new ArrayList<>();
        Map<Long, String> envelopes = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int legacy = 0;
        for (long from = 0; from < size; from += PAGE) {
            for (JsonNode entry : get("/api/v1/audit/log/entries?from=" + from + "&limit=" + PAGE)) {
                long index = entry.get("index").asLong();
                if (index >= size) {
                    continue;
                }
                if (index != hashes.size()) {
                    problems.add("LEAF OUT OF PLACE: the entry listed as " + index + " came at position " + hashes.size());
                }
                byte[] published = Base64.getDecoder().decode(entry.get("leafHash").asText());
                if (!entry.path("envelope").isTextual()) {
                    if (!envelopes.isEmpty()) {
                        problems.add("BARE LEAF AFTER COMMITMENTS: entry " + index + " shows no envelope");
                    }
                    legacy++;
                    hashes.add(published);
                    continue;
                }
                String envelope = entry.get("envelope").asText();
                byte[] leaf = hash(new byte[] {0}, envelope.getBytes(StandardCharsets.UTF_8));
                if (!Arrays.equals(leaf, published) || readTree(envelope).path("index").asLong(-1) != index) {
                    problems.add("ENVELOPE MISMATCH: entry " + index + " does not hash to its leaf or names another index");
                }
                envelopes.put(index, envelope);
                hashes.add(leaf);
            }
        }
        return new Leaves(hashes, envelopes, legacy, problems);
    }

    /** Each disclosed decision opens the commitment of its leaf, and no leaf of the period logged by the disclosure is held back. */
    private boolean commitmentsOpen(String period, JsonNode disclosed, Map<Long, String> envelopes, List<JsonNode> decisions) {
        int opened = 0;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (JsonNode entry : disclosed.get("entries")) {
            long index = entry.get("index").asLong();
            if (!entry.path("content").isTextual() || !entry.path("salt").isTextual()) {
                continue;
            }
            String content = entry.get("content").asText();
            JsonNode envelope = readTree(envelopes.getOrDefault(index, "{}"));
            byte[] commitment = hash(Base64.getDecoder().decode(entry.get("salt").asText()), content.getBytes(StandardCharsets.UTF_8));
            JsonNode decision = readTree(content);
            if (entry.get("envelope").asText().equals(envelopes.get(index)) && period.equals(envelope.path("period").asText())
                    && HexFormat.of().formatHex(commitment).equals(envelope.path("commitment").asText())
                    && period.equals(decision.path("randomPeriod").asText()) && seen.add(index)) {
                opened++;
            } else {
                out.printf("  COMMITMENT MISMATCH: entry %d%n", index);
            }
            decisions.add(decision);
        }
        long below = disclosed.path("logSize").asLong(Long.MAX_VALUE);
        long withheld = envelopes.entrySet().stream().filter(e -> e.getKey() < below && !seen.contains(e.getKey()))
                .filter(e -> period.equals(readTree(e.getValue()).path("period").asText())).count();
        out.printf("commitments of %s: %d of %d disclosed decisions open their leaf's commitment; %d of the day's leaves held back%n",
                period, opened, decisions.size(), withheld);
        return opened == decisions.size() && withheld == 0;
    }

    private boolean seedMatchesItsCommitment(String period, JsonNode disclosed, AuditorState state) {
        byte[] seed = HexFormat.of().parseHex(disclosed.get("seedHex").asText());
        String commitment = disclosed.get("seedCommitment").asText();
        String published = get("/api/v1/audit/seeds/" + period).path("commitment").asText();
        String remembered = state.seedCommitments.putIfAbsent(period, commitment);
        boolean matches = HexFormat.of().formatHex(hash(new byte[0], seed)).equals(commitment) && commitment.equals(published)
                && (remembered == null || remembered.equals(commitment));
        out.printf("seed of %s: %s its commitment%s%n", period, matches ? "matches" : "DOES NOT MATCH",
                remembered == null ? "" : " (the one seen on an earlier run)");
        return matches;
    }

    private boolean drawsRecompute(String period, byte[] seed, List<JsonNode> decisions) throws GeneralSecurityException {
        int picks = 0;
        int mismatches = 0;
        for (JsonNode decision : decisions) {
            byte[] draw = hmac(seed, decision.get("shipmentKey").asText());
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
                period, decisions.size(), picks, decisions.size() - mismatches, mismatches);
        return mismatches == 0;
    }

    /** The head's key, as the server lists it, must be named by its own hash and be the key seen under that id before. */
    private boolean signatureVerifies(JsonNode head, byte[] root, AuditorState state) throws GeneralSecurityException {
        String keyId = head.path("keyId").asText();
        JsonNode key = null;
        for (JsonNode known : get("/api/v1/audit/log/keys")) {
            String id = known.get("keyId").asText();
            String encoded = known.get("publicKey").asText();
            String pinned = state.keys.putIfAbsent(id, encoded);
            if ((pinned != null && !pinned.equals(encoded))
                    || !HexFormat.of().formatHex(hash(new byte[0], Base64.getDecoder().decode(encoded))).startsWith(id)) {
                out.printf("  KEY %s IS NOT THE KEY SEEN UNDER THAT ID%n", id);
                return false;
            }
            if (id.equals(keyId)) {
                key = known;
            }
        }
        if (key == null) {
            out.printf("  the tree head names key %s, which the log does not list%n", keyId);
            return false;
        }
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText())));
        String signedText = "opencustoms-decision-log/v1\n" + head.get("treeSize").asLong() + "\n"
                + Base64.getEncoder().encodeToString(root) + "\n" + head.get("timestampMillis").asLong() + "\n";
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(publicKey);
        signature.update(signedText.getBytes(StandardCharsets.UTF_8));
        return signature.verify(Base64.getDecoder().decode(head.get("signature").asText()));
    }

    /** Proves the head verified on the last run is a prefix of this one (RFC 9162 2.1.4.2). */
    private boolean consistentWithLastSeen(JsonNode head, AuditorState state) {
        if (!state.seenHead()) {
            return true;
        }
        long size = head.get("treeSize").asLong();
        byte[] root = Base64.getDecoder().decode(head.get("rootHash").asText());
        byte[] oldRoot = Base64.getDecoder().decode(state.rootHash);
        boolean consistent;
        if (state.treeSize > size) {
            consistent = false;
        } else if (state.treeSize == size) {
            consistent = Arrays.equals(oldRoot, root);
        } else {
            JsonNode proof = get("/api/v1/audit/log/proofs/consistency?from=" + state.treeSize + "&to=" + size);
            List<byte[]> path = new ArrayList<>();
            proof.get("proof").forEach(p -> path.add(Base64.getDecoder().decode(p.asText())));
            consistent = consistent(state.treeSize, size, oldRoot, root, path);
        }
        out.printf("growth: the head of size %d verified before %s the head of size %d%n", state.treeSize,
                consistent ? "is a prefix of" : "IS NOT CONSISTENT WITH", size);
        return consistent;
    }

    static boolean consistent(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    private static byte[] node(byte[] left, byte[] right) {
        byte[] both = new byte[left.length + right.length];
        System.arraycopy(left, 0, both, 0, left.length);
        System.arraycopy(right, 0, both, left.length, right.length);
        return hash(new byte[] {1}, both);
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
        return node(root(leaves, from, from + k), root(leaves, from + k, to));
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
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
