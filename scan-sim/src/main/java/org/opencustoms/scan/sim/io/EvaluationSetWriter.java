package org.opencustoms.scan.sim.io;

import org.opencustoms.scan.sim.SimulatedScan;

import org.opencustoms.scan.imaging.EvaluationSet;
import org.opencustoms.scan.imaging.LabelsCsv;
import org.opencustoms.scan.imaging.Png16;
import org.opencustoms.scan.imaging.ScanLabel;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Writes scans as an evaluation set: 16-bit PNG files and labels.csv (written on close, rows in
 * scan order). {@link #write} may be called from several threads at once.
 */
public final class EvaluationSetWriter implements AutoCloseable {


    private final Path directory;
    private final Map<Integer, ScanLabel> labels = new ConcurrentSkipListMap<>();

    public EvaluationSetWriter(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    public Path directory() {
        return directory;
    }

    public ScanLabel write(SimulatedScan scan) throws IOException {
        String name = String.format("scan_%06d", scan.index());
        String file = name + ".png";
        Png16.write(scan.image(), directory.resolve(file));
        String fileLow = null;
        if (scan.isDualEnergy()) {
            fileLow = name + "_low.png";
            Png16.write(scan.lowEnergy(), directory.resolve(fileLow));
        }
        ScanLabel label = new ScanLabel(file, scan.modality(), scan.i0(), scan.empty(), scan.threat(), scan.boxes(),
                fileLow);
        if (labels.putIfAbsent(scan.index(), label) != null) {
            throw new IllegalStateException("scan " + scan.index() + " was written twice");
        }
        return label;
    }

    @Override
    public void close() throws IOException {
        try (Writer out = Files.newBufferedWriter(directory.resolve(EvaluationSet.LABELS_FILE), StandardCharsets.UTF_8)) {
            LabelsCsv.write(out, labels.values());
        }
    }
}
