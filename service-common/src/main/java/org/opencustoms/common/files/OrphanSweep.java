package org.opencustoms.common.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Deletes the files of a content-addressed store ({@code ab/<sha256>} under one directory) that no row refers
 * to: objects written by an upload that crashed before its row committed, and temporary files of writes cut
 * short. Only files untouched since the cutoff are candidates; a store that finds an object already present
 * touches it ({@link #touch}), so an upload reusing an old orphan's bytes restarts its grace period.
 */
public final class OrphanSweep {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FAN_OUT = Pattern.compile("[0-9a-f]{2}");
    private static final int BATCH = 500;

    private OrphanSweep() {
    }

    public record Swept(int objects, int temporaryFiles, long bytes) {
        public boolean any() {
            return objects + temporaryFiles > 0;
        }
    }

    /**
     * Sweeps {@code root}. {@code referenced} is asked, a batch of digests at a time, which of them rows still
     * refer to; the others are deleted if they are still untouched since {@code cutoff}.
     */
    public static Swept sweep(Path root, Instant cutoff, Function<Set<String>, Set<String>> referenced) throws IOException {
        if (!Files.isDirectory(root)) {
            return new Swept(0, 0, 0);
        }
        FileTime before = FileTime.from(cutoff);
        int objects = 0;
        int temporaryFiles = 0;
        long bytes = 0;
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> fanOut = Files.newDirectoryStream(root, entry -> Files.isDirectory(entry)
                && FAN_OUT.matcher(entry.getFileName().toString()).matches())) {
            for (Path directory : fanOut) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (!untouchedSince(file, before)) {
                            continue;
                        }
                        if (name.endsWith(".tmp")) {
                            long size = sizeOrZero(file);
                            if (Files.deleteIfExists(file)) {
                                temporaryFiles++;
                                bytes += size;
                            }
                        } else if (SHA256_HEX.matcher(name).matches()) {
                            candidates.add(file);
                        }
                    }
                }
            }
        }
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<Path> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            Set<String> digests = new HashSet<>();
            batch.forEach(file -> digests.add(file.getFileName().toString()));
            Set<String> kept = referenced.apply(digests);
            for (Path file : batch) {
                if (!kept.contains(file.getFileName().toString())) {
                    long size = sizeOrZero(file);
                    if (deleteUnlessTouched(file, before)) {
                        objects++;
                        bytes += size;
                    }
                }
            }
        }
        return new Swept(objects, temporaryFiles, bytes);
    }

    /**
     * Takes the file out of its name first, then checks its age: an upload that touched it before the rename is
     * seen and the file goes back; one that comes after finds no file to touch and fails, to be retried by its
     * sender, instead of committing a row whose file is then deleted.
     */
    private static boolean deleteUnlessTouched(Path file, FileTime cutoff) throws IOException {
        if (!untouchedSince(file, cutoff)) {
            return false;
        }
        Path claimed = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (untouchedSince(claimed, cutoff)) {
            return Files.deleteIfExists(claimed);
        }
        // same name, same bytes: replacing a copy stored meanwhile is harmless
        Files.move(claimed, file, StandardCopyOption.ATOMIC_MOVE);
        return false;
    }

    /** Marks an object as just used, so a sweep leaves it alone for its grace period; fails if it is gone. */
    public static void touch(Path object) throws IOException {
        Files.setLastModifiedTime(object, FileTime.from(Instant.now()));
    }

    private static boolean untouchedSince(Path file, FileTime cutoff) throws IOException {
        try {
            return Files.getLastModifiedTime(file).compareTo(cutoff) < 0;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static long sizeOrZero(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
