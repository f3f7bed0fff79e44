package org.opencustoms.scan.ingest;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.opencustoms.proto.scan.v1.Modality;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.proto.scan.v1.UploadRequest;
import org.opencustoms.proto.scan.v1.UploadResponse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hundreds of upload streams with mutated headers and chunks in the wrong places: each ends with a precise
 * status within the deadline (never INTERNAL or UNKNOWN, never a hang), and only completed uploads store a scan.
 */
@QuarkusTest
@QuarkusTestResource(GrpcTestPortResource.class)
class IngestStreamFuzzTest {

    private static final int STREAMS = 1000;
    private static final int WIDTH = 64;
    private static final int HEIGHT = 32;
    private static final Set<Status.Code> SERVER_FAULTS = Set.of(Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.DEADLINE_EXCEEDED);

    @ConfigProperty(name = "scan.store.directory")
    Path storeDirectory;

    private final Random random = new Random(20261203L);

    @Test
    void randomStreamsEndPreciselyAndOnlyCompletedOnesAreStored() throws Exception {
        long before = IngestTestSupport.storedPayloads(storeDirectory);
        long run = System.nanoTime();
        int completed = 0;
        int refused = 0;
        ManagedChannel channel = IngestTestSupport.channel();
        try {
            for (int i = 0; i < STREAMS; i++) {
                byte[] payload = TestScans.pattern(WIDTH, HEIGHT);
                // a payload of its own, in this run and the store's earlier ones, so that no stream finds its object stored
                payload[random.nextInt(payload.length)] ^= (byte) (1 + random.nextInt(255));
                java.nio.ByteBuffer.wrap(payload).putLong(run).putInt(i);
                List<UploadRequest> stream = stream(TestScans.newScanId(), payload);
                Status status;
                RawUploadStream upload = new RawUploadStream(channel);
                try {
                    status = upload.send(stream.toArray(UploadRequest[]::new)).halfClose().awaitEnd();
                } catch (java.util.concurrent.TimeoutException e) {
                    fail("stream " + i + " did not end within 30 s: " + describe(stream));
                    return;
                }
                if (SERVER_FAULTS.contains(status.getCode())) {
                    fail("stream " + i + " ended with " + status + ": " + describe(stream));
                }
                if (status.isOk()) {
                    UploadResponse last = upload.responses.isEmpty() ? null : upload.responses.get(upload.responses.size() - 1);
                    assertTrue(last != null && last.hasCompleted() && !last.getCompleted().getDuplicate(),
                            "stream " + i + " ended OK without storing its scan: " + upload.responses + " after " + describe(stream));
                    completed++;
                } else {
                    refused++;
                    assertTrue(status.getDescription() != null && !status.getDescription().isBlank(), "a refusal says why: " + status);
                }
            }
        } finally {
            channel.shutdownNow();
        }
        assertEquals(before + completed, IngestTestSupport.storedPayloads(storeDirectory),
                "only completed uploads are stored (" + before + " before, " + completed + " completed, " + refused + " refused)");
        assertTrue(refused > STREAMS / 3 && completed > 0, "a mix of refused (" + refused + ") and completed (" + completed + ") streams");
    }

    private List<UploadRequest> stream(String scanId, byte[] payload) {
        List<UploadRequest> messages = new ArrayList<>();
        if (random.nextInt(12) == 0) {
            messages.add(TestScans.chunk(0, payload, 0, 64));
        }
        ScanHeader header = TestScans.headerFor(scanId, WIDTH, HEIGHT, payload);
        int mutations = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
        for (int m = 0; m < mutations; m++) {
            header = mutate(header);
        }
        messages.add(TestScans.headerMessage(header));
        int offset = 0;
        while (offset < payload.length) {
            int length = 1 + random.nextInt(payload.length / 2);
            int end = Math.min(payload.length, offset + length);
            switch (random.nextInt(40)) {
                case 0 -> messages.add(TestScans.chunk(offset + 7, payload, offset, end));
                case 1 -> messages.add(TestScans.chunk(Math.max(0, offset - 5), payload, offset, end));
                case 2 -> messages.add(UploadRequest.newBuilder().setChunk(
                        org.opencustoms.proto.scan.v1.Chunk.newBuilder().setOffset(offset).setData(ByteString.EMPTY)).build());
                case 3 -> messages.add(TestScans.headerMessage(header));
                case 4 -> messages.add(UploadRequest.getDefaultInstance());
                default -> messages.add(TestScans.chunk(offset, payload, offset, end));
            }
            offset = end;
        }
        if (random.nextInt(20) == 0) {
            messages.add(TestScans.chunk(payload.length, new byte[16], 0, 16));
        }
        if (random.nextInt(6) != 0) {
            messages.add(TestScans.complete());
        }
        return messages;
    }

    private ScanHeader mutate(ScanHeader header) {
        ScanHeader.Builder b = header.toBuilder();
        switch (random.nextInt(12)) {
            case 0 -> b.setWidth(random.nextInt(3) == 0 ? 0 : header.getWidth() + 1);
            case 1 -> b.setHeight(random.nextInt(100_000));
            case 2 -> b.setTotalBytes(random.nextLong());
            case 3 -> b.setSha256(ByteString.copyFrom(new byte[random.nextInt(40)]));
            case 4 -> b.setScannerId("SIM-PORTAL-" + random.nextInt(3));
            case 5 -> b.setSite(List.of("USLAX", "USNYC", "", "usLAX").get(random.nextInt(4)));
            case 6 -> b.setModality(Modality.MODALITY_UNSPECIFIED);
            case 7 -> b.setEnergyChannels(random.nextInt(5));
            case 8 -> b.setBitsPerPixel(List.of(0, 8, 12, 32).get(random.nextInt(4)));
            case 9 -> b.setScanId(random.nextBoolean() ? "" : "x".repeat(200 + random.nextInt(200)));
            case 10 -> b.clearContainerNumbers().addContainerNumbers(List.of("MSCU1234565", "", "ABC").get(random.nextInt(3)));
            default -> b.setAirValue(random.nextInt(3));
        }
        return b.build();
    }

    private static String describe(List<UploadRequest> stream) {
        StringBuilder text = new StringBuilder();
        for (UploadRequest message : stream) {
            text.append(message.getKindCase()).append(message.hasChunk() ? "@" + message.getChunk().getOffset() + "+" + message.getChunk().getData().size() : "").append(' ');
        }
        return text.toString();
    }
}
