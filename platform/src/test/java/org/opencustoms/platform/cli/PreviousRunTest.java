package org.opencustoms.platform.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a killed launcher leaves behind is found by pid and start time, stopped, and nothing else is touched. */
class PreviousRunTest {

    @TempDir
    Path data;

    @Test
    void aKilledLaunchersChildrenAreFoundAndStoppedAndAReusedPidIsLeftAlone() throws Exception {
        Process orphan = new ProcessBuilder("sleep", "300").start();
        try {
            PreviousRun.begin(data);
            PreviousRun.started(data, "selection-service", orphan.toHandle());
            // this JVM's pid under another start time: the system gave a dead child's pid to someone else
            Files.writeString(data.resolve(PreviousRun.FILE), ProcessHandle.current().pid() + " 1 inspection-service "
                    + ProcessHandle.current().info().command().orElse("java") + "\n",
                    java.nio.file.StandardOpenOption.APPEND);

            List<PreviousRun.Child> leftovers = PreviousRun.leftovers(data);
            assertEquals(1, leftovers.size(), leftovers.toString());
            assertEquals(orphan.pid(), leftovers.get(0).pid());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PreviousRun.stop(data, leftovers, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertTrue(orphan.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the orphan was stopped");
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("stopped selection-service (pid " + orphan.pid() + ")"));
            assertTrue(PreviousRun.leftovers(data).isEmpty());
            assertTrue(ProcessHandle.current().isAlive());
        } finally {
            orphan.destroyForcibly();
        }
        assertFalse(orphan.isAlive());
    }
}
