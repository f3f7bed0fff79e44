package org.opencustoms.platform.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs one of the tools jar's commands in a JVM of its own, its output shown indented and returned line by line. */
public final class ToolProcess {

    private ToolProcess() {
    }

    /** @param what names the tool in errors, e.g. "the simulated scanner" */
    public static List<String> run(Path home, String mainClass, List<String> arguments, String what, PrintStream out) {
        Path tools = home.resolve("tools/target");
        String classPath = tools.resolve("tools.jar") + File.pathSeparator + tools.resolve("lib/*");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", classPath, mainClass));
        command.addAll(arguments);
        List<String> printed = new ArrayList<>();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println("    " + line.strip());
                    printed.add(line);
                }
            }
            if (process.waitFor() != 0) {
                throw new PlatformException(what + " failed (exit " + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new PlatformException("could not run " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while " + what + " ran", e);
        }
        return printed;
    }
}
