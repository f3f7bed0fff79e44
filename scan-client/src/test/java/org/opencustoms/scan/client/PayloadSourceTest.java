package org.opencustoms.scan.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every kind of payload source must read again from any offset: that is what a resume asks of it. */
class PayloadSourceTest {

    private final byte[] payload = pattern(10_000);

    @Test
    void aReopenableStreamResumesFromTheOffset() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        PayloadSource source = PayloadSource.ofStream(payload.length, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(payload);
        });

        try (InputStream rest = source.openAt(7_000)) {
            assertArrayEquals(Arrays.copyOfRange(payload, 7_000, payload.length), rest.readAllBytes());
        }
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(payload), source.sha256());
        assertEquals(2, opened.get());
    }

    @Test
    void aStreamShorterThanTheResumeOffsetIsAnError() {
        PayloadSource source = PayloadSource.ofStream(payload.length, () -> new ByteArrayInputStream(payload, 0, 100));

        assertThrows(EOFException.class, () -> source.openAt(5_000));
    }

    @Test
    void filesAndBytesReadFromAnyOffset(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("scan.raw"), payload);
        for (PayloadSource source : new PayloadSource[] {PayloadSource.ofFile(file), PayloadSource.ofBytes(payload)}) {
            assertEquals(payload.length, source.size());
            try (InputStream rest = source.openAt(9_999)) {
                assertArrayEquals(new byte[] {payload[9_999]}, rest.readAllBytes());
            }
        }
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + (i >> 8));
        }
        return bytes;
    }
}
