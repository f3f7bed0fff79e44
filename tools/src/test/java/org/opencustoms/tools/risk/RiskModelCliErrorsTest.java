package org.opencustoms.tools.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskModelCliErrorsTest {

    @TempDir
    Path work;

    private RiskModelRoundTripTest.Cli train(Path data, Path mapping) {
        return RiskModelRoundTripTest.Cli.run("train", "--data", data.toString(), "--mapping", mapping.toString(),
                "--out", work.resolve("model").toString(), "--param", "rounds=5");
    }

    private static void assertOneLineError(RiskModelRoundTripTest.Cli result, String expected) {
        assertEquals(1, result.status);
        assertTrue(result.err.startsWith("error: "), result.err);
        assertEquals(1, result.err.strip().lines().count(), result.err);
        assertTrue(result.err.contains(expected), result.err);
    }

    @Test
    void rejectsAMappingThatNamesAMissingColumn() throws Exception {
        Path data = SyntheticData.writeCsv(work.resolve("train.csv"), 20, 1, true);
        Path mapping = Files.writeString(work.resolve("bad.yaml"),
                SyntheticData.MAPPING.replace("numeric: [amount, weight]", "numeric: [amount, weight, volume]"));
        assertOneLineError(train(data, mapping),
                "column 'volume' named in the mapping is missing from the header of train.csv");
    }

    @Test
    void rejectsAMissingDataFile() throws Exception {
        Path mapping = SyntheticData.writeMapping(work);
        assertOneLineError(train(work.resolve("nope.csv"), mapping), "file not found: ");
    }

    @Test
    void rejectsNonNumericValuesInNumericColumns() throws Exception {
        Path data = Files.writeString(work.resolve("train.csv"),
                "ref,day,segment,agent,amount,weight,flagged,outcome\n"
                        + "a,2024-01-01,H1,x,1.5,2,1,1\n"
                        + "b,2024-01-02,L4,y,abc,2,0,0\n");
        assertOneLineError(train(data, SyntheticData.writeMapping(work)),
                "train.csv line 3: column 'amount' must be numeric but is 'abc'");
    }

    @Test
    void rejectsLabelsOtherThanZeroOrOne() throws Exception {
        Path data = Files.writeString(work.resolve("train.csv"),
                "ref,day,segment,agent,amount,weight,flagged,outcome\n"
                        + "a,2024-01-01,H1,x,1.5,2,yes,1\n");
        assertOneLineError(train(data, SyntheticData.writeMapping(work)),
                "train.csv line 2: label column 'flagged' must be 0 or 1 but is 'yes'");
    }

    @Test
    void rejectsUnknownCommandsAndOptions() {
        assertOneLineError(RiskModelRoundTripTest.Cli.run("fit"), "unknown command 'fit'");
        assertOneLineError(RiskModelRoundTripTest.Cli.run("score", "--modle", "x"), "unknown option '--modle'");
    }

    @Test
    void rejectsAMissingModelDirectory() throws Exception {
        Path data = SyntheticData.writeCsv(work.resolve("data.csv"), 5, 1, true);
        assertOneLineError(RiskModelRoundTripTest.Cli.run("evaluate", "--model", work.resolve("none").toString(),
                "--data", data.toString()), "not found");
    }
}
