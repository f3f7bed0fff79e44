package org.opencustoms.scan.ingest;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
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

    public static ManagedChannel channel() {
        return ManagedChannelBuilder.forTarget(target()).usePlaintext().build();
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

    public static long storedObjects(Path storeDirectory) throws IOException {
        Path objects = storeDirectory.resolve("objects");
        if (!Files.isDirectory(objects)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
