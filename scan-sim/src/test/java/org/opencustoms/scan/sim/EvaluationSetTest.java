package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.io.EvaluationSetWriter;

import org.opencustoms.scan.imaging.Box;
import org.opencustoms.scan.imaging.EvaluationSet;
import org.opencustoms.scan.imaging.EvaluationSetReader;
import org.opencustoms.scan.imaging.Modality;
import org.opencustoms.scan.imaging.ScanLabel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationSetTest {

    @TempDir
    Path directory;

    @Test
    void writtenSetReadsBackWithImagesAndLabels() throws IOException {
        ScanSimulator simulator = new ScanSimulator(SimulationOptions.defaults().withScale(0.05).withThreatRate(0.7)
                .withModality(ModalityChoice.MIXED).withDualEnergy(true));
        List<SimulatedScan> scans = List.of(simulator.simulate(1, 0), simulator.simulate(1, 1),
                simulator.simulate(1, 2), simulator.simulate(1, 3));
        try (EvaluationSetWriter writer = new EvaluationSetWriter(directory)) {
            for (int i = scans.size() - 1; i >= 0; i--) {
                writer.write(scans.get(i));
            }
        }
        List<String> lines = Files.readAllLines(directory.resolve("labels.csv"));
        assertEquals("file,modality,i0,empty,threat,boxes,file_low", lines.get(0));
        assertTrue(lines.get(1).startsWith("scan_000000.png,"), "rows in scan order");

        EvaluationSet set = EvaluationSetReader.read(directory);
        assertEquals(scans.size(), set.labels().size());
        for (int i = 0; i < scans.size(); i++) {
            SimulatedScan scan = scans.get(i);
            ScanLabel label = set.labels().get(i);
            assertEquals(scan.modality(), label.modality());
            assertEquals(scan.i0(), label.i0());
            assertEquals(scan.empty(), label.empty());
            assertEquals(scan.threat(), label.threat());
            assertEquals(scan.boxes(), label.boxes());
            assertEquals(scan.image(), set.image(label));
            assertEquals(scan.isDualEnergy(), label.isDualEnergy());
            if (scan.isDualEnergy()) {
                assertEquals(scan.lowEnergy(), set.lowEnergyImage(label));
            }
        }
    }

    @Test
    void readsHandWrittenLabelsWithQuotesCrlfAndNoLowEnergyColumn() throws IOException {
        String csv = "\uFEFF\"file\",\"modality\",\"i0\",\"empty\",\"threat\",\"boxes\"\r\n"
                + "\"a.png\" ,xray,60000,0,1,\"10 20 30 40;50 60 70 80\"\r\n"
                + "\r\n"
                + "b.png, GAMMA ,4000.0,1,0,\r\n"
                + "\"c, \"\"odd\"\".png\",xray,65535,false,true,\" 1 2 3 4 ; \"";
        List<ScanLabel> labels = EvaluationSetReader.parseLabels(new StringReader(csv));
        assertEquals(3, labels.size());
        ScanLabel first = labels.get(0);
        assertEquals("a.png", first.file());
        assertEquals(List.of(new Box(10, 20, 30, 40), new Box(50, 60, 70, 80)), first.boxes());
        assertTrue(first.threat());
        assertNull(first.fileLow());
        ScanLabel second = labels.get(1);
        assertEquals(Modality.GAMMA, second.modality());
        assertEquals(4000, second.i0());
        assertTrue(second.empty());
        assertTrue(second.boxes().isEmpty());
        ScanLabel third = labels.get(2);
        assertEquals("c, \"odd\".png", third.file());
        assertFalse(third.empty());
        assertEquals(List.of(new Box(1, 2, 3, 4)), third.boxes());
    }

    @Test
    void readsReorderedColumnsWithExtrasAndLowEnergyFiles() throws IOException {
        String csv = "threat,boxes,file,comment,empty,i0,modality,file_low\n"
                + "0,,x.png,\"multi\nline\",0,60000,xray,x_low.png\n";
        ScanLabel label = EvaluationSetReader.parseLabels(new StringReader(csv)).get(0);
        assertEquals("x.png", label.file());
        assertEquals("x_low.png", label.fileLow());
    }

    @Test
    void reportsWhatIsWrongAndWhere() {
        IOException missing = assertThrows(IOException.class, () -> EvaluationSetReader.parseLabels(
                new StringReader("file,modality,i0,empty,threat\na.png,xray,1,0,0\n")));
        assertTrue(missing.getMessage().contains("'boxes'"), missing.getMessage());
        IOException badBox = assertThrows(IOException.class, () -> EvaluationSetReader.parseLabels(
                new StringReader("file,modality,i0,empty,threat,boxes\na.png,xray,1,0,1,\nb.png,xray,1,0,1,1 2 3\n")));
        assertTrue(badBox.getMessage().contains("line 3"), badBox.getMessage());
        IOException badModality = assertThrows(IOException.class, () -> EvaluationSetReader.parseLabels(
                new StringReader("file,modality,i0,empty,threat,boxes\na.png,neutron,1,0,0,\n")));
        assertTrue(badModality.getMessage().contains("neutron"), badModality.getMessage());
    }

    @Test
    void missingLabelsFileIsReported() throws IOException {
        Files.writeString(directory.resolve("note.txt"), "nothing", StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> EvaluationSetReader.read(directory));
    }
}
