package org.musicoder.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;
import picocli.CommandLine;

class FeaturesCommandTest {
    static final Path FIXTURES = Path.of("..", "musicoder", "src", "test", "resources", "fixtures");

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Relative Frobenius error of columns [c0, c1) of a against b. */
    static double relErr(float[][] a, float[][] b, int c0, int c1) {
        double num = 0, den = 0;
        for (int t = 0; t < b.length; t++)
            for (int c = c0; c < c1; c++) {
                double d = a[t][c] - b[t][c];
                num += d * d;
                den += (double) b[t][c] * b[t][c];
            }
        return Math.sqrt(num / den);
    }

    @Test
    void writesCmvnFeaturesEqualToLibrosaAndReportsBadFilesWithoutLosingOthers(@TempDir Path dir) throws Exception {
        Path good = FIXTURES.resolve("audio/test30.flac");
        Path broken = dir.resolve("broken.wav");
        Files.write(broken, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Path outDir = dir.resolve("out");
        Run r = run("features", good.toString(), broken.toString(), "--out", outDir.toString());

        assertEquals(1, r.code(), "a bad file makes the exit code non-zero");
        String[] errLines = r.err().strip().split("\n");
        assertEquals(1, errLines.length, r.err());
        assertTrue(errLines[0].contains("broken.wav"), "names the file: " + r.err());

        Npy.Array a = Npy.read(outDir.resolve("test30.npy"));
        float[][] ref = Npy.read(FIXTURES.resolve("librosa/test30_wav/features_cmvn.npy")).toFloat2d();
        assertArrayEquals(new int[] {ref.length, 324}, a.shape());
        float[][] got = a.toFloat2d();
        int[] blocks = {0, 12, 32, 52, 180, 324};
        for (int b = 0; b + 1 < blocks.length; b++) {
            double e = relErr(got, ref, blocks[b], blocks[b + 1]);
            assertTrue(e < 1e-3, "CMVN block " + b + " rel err " + e);
        }
        assertFalse(Files.exists(outDir.resolve("broken.npy")));
    }

    @Test
    void rawSingleFileWithOffsetAndDurationMatchesLibrosaTenSeconds(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x.npy");
        Run r = run("features", FIXTURES.resolve("audio/test30.wav").toString(), "--out", out.toString(), "--raw",
                "--offset", "0", "--duration", "10");
        assertEquals(0, r.code(), r.err());
        float[][] ref = Npy.read(FIXTURES.resolve("librosa/test10_wav/features_raw.npy")).toFloat2d();
        float[][] got = Npy.read(out).toFloat2d();
        assertEquals(ref.length, got.length);
        assertTrue(relErr(got, ref, 52, 180) < 1e-4, "log-mel");
        assertTrue(relErr(got, ref, 180, 324) < 1e-3, "log-cqt");
    }

    @Test
    void badOptionsGetOneClearMessage(@TempDir Path dir) {
        Run r = run("features", "a.wav", "--out", dir.resolve("o.npy").toString(), "--duration", "-1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--duration must be > 0"), r.err());
        Run missing = run("features", dir.resolve("nope.wav").toString(), "--out", dir.resolve("o.npy").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.wav"), missing.err());
    }
}
