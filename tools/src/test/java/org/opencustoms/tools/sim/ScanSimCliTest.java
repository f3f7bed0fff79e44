package org.opencustoms.tools.sim;

import org.opencustoms.scan.imaging.EvaluationSetReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanSimCliTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ScanSimCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatesASetAndPrintsOneSummaryLine() throws IOException {
        Path set = directory.resolve("set");
        int code = run("generate", "--out", set.toString(), "--count", "3", "--seed", "-12", "--modality", "mixed",
                "--scale", "0.05", "--threat-rate", "0.5", "--empty-rate", "0.2", "--dual-energy", "--threads", "2");
        assertEquals(0, code, errors());
        String summary = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(summary.matches("scans=3 threats=\\d+ empties=\\d+ seconds=\\d+\\.\\d\\d out=.*"), summary);
        List<String> labels = Files.readAllLines(set.resolve("labels.csv"));
        assertEquals(4, labels.size());
        assertEquals(3, EvaluationSetReader.read(set).labels().size());
    }

    @Test
    void rejectsBadUsageWithExitCodeTwoAndAReason() throws IOException {
        String out = directory.resolve("x").toString();
        assertUsageError("missing command");
        assertUsageError("unknown command 'make'", "make");
        assertUsageError("required", "generate", "--out", out, "--count", "3");
        assertUsageError("--count must be 1 to", "generate", "--out", out, "--count", "0", "--seed", "1");
        assertUsageError("--count needs a whole number", "generate", "--out", out, "--count", "3x", "--seed", "1");
        assertUsageError("--seed needs a whole number", "generate", "--out", out, "--count", "3", "--seed", "1.5");
        assertUsageError("--threat-rate must be between 0 and 1", "generate", "--out", out, "--count", "3", "--seed",
                "1", "--threat-rate", "1.5");
        assertUsageError("--empty-rate needs a number", "generate", "--out", out, "--count", "3", "--seed", "1",
                "--empty-rate", "lots");
        assertUsageError("--scale must be above 0", "generate", "--out", out, "--count", "3", "--seed", "1",
                "--scale", "0");
        assertUsageError("--scale must be above 0", "generate", "--out", out, "--count", "3", "--seed", "1",
                "--scale", "2");
        assertUsageError("modality must be xray, gamma or mixed", "generate", "--out", out, "--count", "3", "--seed",
                "1", "--modality", "neutron");
        assertUsageError("unknown option --colour", "generate", "--out", out, "--count", "3", "--seed", "1",
                "--colour", "red");
        assertUsageError("--seed needs a value", "generate", "--out", out, "--count", "3", "--seed");
        assertUsageError("--count is given twice", "generate", "--out", out, "--count", "3", "--count", "4", "--seed",
                "1");
        Path file = Files.writeString(directory.resolve("file.txt"), "x");
        assertUsageError("is a file", "generate", "--out", file.toString(), "--count", "1", "--seed", "1");
        Path used = Files.createDirectories(directory.resolve("used"));
        Files.writeString(used.resolve("labels.csv"), "file\n");
        assertUsageError("already holds a labels.csv", "generate", "--out", used.toString(), "--count", "1", "--seed",
                "1");
        assertTrue(Files.notExists(directory.resolve("x")), "nothing written on bad usage");
    }

    private void assertUsageError(String reason, String... args) {
        err.reset();
        assertEquals(2, run(args), String.join(" ", args));
        assertTrue(errors().contains(reason), "expected '" + reason + "' in: " + errors());
        assertTrue(errors().contains("usage: generate"), errors());
    }
}
