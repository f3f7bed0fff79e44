package org.opencustoms.scan.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

@ApplicationScoped
public class PayloadStoreProducer {

    @Produces
    @ApplicationScoped
    PayloadStore payloadStore(@ConfigProperty(name = "scan.store.directory") Path directory) {
        try {
            return new FileSystemPayloadStore(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use scan.store.directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
