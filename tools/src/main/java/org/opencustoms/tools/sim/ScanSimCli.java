package org.opencustoms.tools.sim;

import org.opencustoms.scan.sim.io.EvaluationSetGenerator;
import org.opencustoms.scan.sim.ScanSimulator;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Command line: {@code generate --out DIR --count N --seed S [--modality xray|gamma|mixed]
 * [--threat-rate R] [--empty-rate R] [--scale F] [--dual-energy] [--threads T]}.
 * Exit codes: 0 done, 1 failed while generating, 2 bad usage.
 */
public final class ScanSimCli {

    static final String USAGE = """
            usage: generate --out DIR --count N --seed S [--modality xray|gamma|mixed]
                            [--threat-rate R] [--empty-rate R] [--scale F] [--dual-energy] [--threads T]
              --out DIR          new directory for the PNG files and labels.csv
              --count N          number of scans, 1 to 10000000
              --seed S           master seed (a whole number); same seed and options give identical files
              --modality M       xray (default), gamma or mixed
              --threat-rate R    share of scans with threats, 0 to 1 (default 0.3)
              --empty-rate R     share of empty containers, 0 to 1 (default 0.15)
              --scale F          image size relative to full resolution, above 0 up to 1 (default 1)
              --dual-energy      add a low-energy image to X-ray scans
              --threads T        scans generated at once, 1 to 64 (default 1)""";

    private ScanSimCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        GenerateRequest request;
        try {
            request = GenerateRequest.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            EvaluationSetGenerator generator = new EvaluationSetGenerator(new ScanSimulator(request.options()));
            EvaluationSetGenerator.Summary summary = generator.generate(request.out(), request.seed(), request.count(),
                    request.threads());
            out.println(String.format(Locale.ROOT, "scans=%d threats=%d empties=%d seconds=%.2f out=%s",
                    summary.scans(), summary.threats(), summary.empties(), summary.seconds(), request.out()));
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("error: generation failed: " + e.getMessage());
            return 1;
        }
    }
}
