package org.opencustoms.inspection;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for selection-service (records the outcome labels it is sent) and scan-analysis-service
 * (serves display images: the analysis's rendition 1024 x 400, the scan's plain rendition 512 x 200, and
 * no analysis for scan ids containing {@value #UNANALYSED}), which do not run in these tests.
 */
public class PeerStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String UNANALYSED = "UNANALYSED";
    public static final List<String> LABELS = new CopyOnWriteArrayList<>();
    public static final List<String> LABEL_AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** labels whose body contains one of these are refused with 422, as selection-service refuses a label it cannot learn from */
    public static final java.util.Set<String> REFUSED_LABELS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** while set, the label intake answers 503, as a selection-service that is restarting */
    public static final java.util.concurrent.atomic.AtomicBoolean LABELS_DOWN = new java.util.concurrent.atomic.AtomicBoolean();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/outcome-labels", exchange -> {
            String label = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (LABELS_DOWN.get()) {
                respond(exchange, 503, "application/problem+json", "{\"status\":503}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (REFUSED_LABELS.stream().anyMatch(label::contains)) {
                respond(exchange, 422, "application/problem+json", "{\"status\":422,\"type\":\"unknown-decision\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            LABELS.add(label);
            LABEL_AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, 202, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/api/v1/scans/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/analysis/rendition") && path.contains(UNANALYSED)) {
                respond(exchange, 409, "application/problem+json", "{\"status\":409}".getBytes(StandardCharsets.UTF_8));
            } else {
                respond(exchange, 200, "image/png", path.endsWith("/analysis/rendition") ? png(1024, 400) : png(512, 200));
            }
        });
        server.start();
        String url = "http://localhost:" + server.getAddress().getPort();
        return Map.of("inspection.selection-url", url, "inspection.scan-analysis-url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.getRaster().setSample(x, y, 0, x < 256 ? 255 : 255 - x / 5);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
