package org.opencustoms.platform.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks made before anything is started, so that a problem is one clear line and not a stack trace. */
final class Preflight {

    private Preflight() {
    }

    static void requireWritable(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            Path probe = Files.createTempFile(dataDirectory, ".probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new PlatformException("the data directory " + dataDirectory + " is not writable ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); choose another with --data-dir");
        }
    }

    static void requireBuilt(Path home, List<ServiceSpec> services) {
        for (ServiceSpec service : services) {
            Path jar = service.runnerJar(home);
            if (!Files.isRegularFile(jar)) {
                throw new PlatformException(service.name() + " is not built (" + home.relativize(jar)
                        + " is missing); run ./mvnw -DskipTests package");
            }
        }
    }

    static void requireFreePort(int port, String user) {
        try (ServerSocket socket = new ServerSocket()) {
            // as PostgreSQL and Vert.x do, so that connections lingering in TIME_WAIT do not count as in use
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new PlatformException("port " + port + " (" + user + ") is already in use; free it or stop what holds it");
        }
    }
}
