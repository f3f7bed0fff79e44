package org.opencustoms.scan.ingest;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared by the ingest tests: a channel to the service under test and a look into its store. */
public final class IngestTestSupport {

    private IngestTestSupport() {
    }

    /** A channel as the test scanner (SIM-PORTAL-1 at USLAX), with its client certificate. */
    public static ManagedChannel channel() {
        return channel(TestPki.scannerCredentials());
    }

    public static ManagedChannel channel(ChannelCredentials credentials) {
        return Grpc.newChannelBuilder(target(), credentials).build();
    }

    /** The gRPC server of the service under test (its port is chosen by {@link GrpcTestPortResource}). */
    public static String target() {
        return "localhost:" + ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
    }

    public static void assertStatus(Status status, Status.Code expected, String... descriptionFragments) {
        assertEquals(expected, status.getCode(), () -> "status was " + status);
        for (String fragment : descriptionFragments) {
            assertTrue(status.getDescription() != null && status.getDescription().contains(fragment),
                    () -> "expected '" + fragment + "' in the description: " + status.getDescription());
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /**
     * Scan payloads in the store. The store also holds the renditions that analyses running in the
     * background write (PNG files), which are not counted.
     */
    public static long storedPayloads(Path storeDirectory) throws IOException {
        Path objects = storeDirectory.resolve("objects");
        if (!Files.isDirectory(objects)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile).filter(file -> !isPng(file)).count();
        }
    }

    private static boolean isPng(Path file) {
        try (var in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE);
        } catch (IOException e) {
            return false; // a file that vanished meanwhile is not a payload either way
        }
    }
}
