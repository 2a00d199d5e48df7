package org.musicoder.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The aggregation over seeds: mean and sample sd (ddof 1) against hand-computed values and against Python's
 * {@code statistics.mean} / {@code statistics.stdev} (an outside implementation, exact rational arithmetic), NaN
 * values left out, one value without sd, and the printed form.
 */
class SeedSummaryTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void handComputedExample() {
        // 0.45, 0.30, 0.30, 0.30, 0.35: mean 1.70 / 5 = 0.34; deviations 0.11, -0.04 (x3), 0.01;
        // squares 0.0121 + 3 x 0.0016 + 0.0001 = 0.0170; / (5 - 1) = 0.00425; sd = sqrt(0.00425) = 0.065192...
        SeedSummary s = SeedSummary.of(new double[] {0.45, 0.30, 0.30, 0.30, 0.35});
        assertEquals(5, s.n());
        assertEquals(0.34, s.mean(), 1e-15);
        assertEquals(Math.sqrt(0.00425), s.sd(), 1e-15);
        assertEquals("0.340 +- 0.065 (n=5)", s.format());
        // two values: sd = |a - b| / sqrt(2)
        assertEquals(0.1 / Math.sqrt(2), SeedSummary.of(new double[] {0.4, 0.5}).sd(), 1e-15);
    }

    @Test
    void oneValueHasNoSdAndNaNIsLeftOut() {
        SeedSummary one = SeedSummary.of(new double[] {0.85});
        assertEquals(1, one.n());
        assertEquals(0.85, one.mean());
        assertTrue(Double.isNaN(one.sd()));
        assertEquals("0.850 (n=1)", one.format());
        SeedSummary withNaN = SeedSummary.of(new double[] {0.2, Double.NaN, 0.4});
        assertEquals(2, withNaN.n());
        assertEquals(0.3, withNaN.mean(), 1e-15);
        assertEquals(SeedSummary.of(new double[] {0.2, 0.4}).sd(), withNaN.sd());
        SeedSummary none = SeedSummary.of(new double[] {Double.NaN});
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.sd()));
        assertEquals("n/a (n=0)", none.format());
    }

    @Test
    void matchesPythonStatistics() throws Exception {
        if (!Files.isExecutable(PYTHON)) fail("the oracle needs " + PYTHON);
        Random r = new Random(11);
        List<double[]> cases = new ArrayList<>();
        cases.add(new double[] {0.45, 0.30, 0.30, 0.30, 0.35});
        cases.add(new double[] {1e6 + 0.1, 1e6 + 0.2, 1e6 + 0.4}); // a large offset: a one-pass formula would lose digits
        for (int k = 2; k <= 10; k++) {
            double[] v = new double[k];
            for (int i = 0; i < k; i++) v[i] = r.nextDouble();
            cases.add(v);
        }
        StringBuilder input = new StringBuilder();
        for (double[] v : cases) {
            for (double x : v) input.append(Double.toString(x)).append(' ');
            input.append('\n');
        }
        String script = "import sys, statistics\n"
                + "for line in sys.stdin:\n"
                + "    v = [float(x) for x in line.split()]\n"
                + "    print(repr(statistics.mean(v)), repr(statistics.stdev(v)))\n";
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        p.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(cases.size(), lines.length);
        for (int i = 0; i < cases.size(); i++) {
            String[] py = lines[i].trim().split(" ");
            SeedSummary s = SeedSummary.of(cases.get(i));
            double mean = Double.parseDouble(py[0]);
            double sd = Double.parseDouble(py[1]);
            assertEquals(cases.get(i).length, s.n());
            assertEquals(mean, s.mean(), 1e-12 * Math.max(1, Math.abs(mean)), "mean of case " + i);
            assertEquals(sd, s.sd(), 1e-9 * sd, "sd of case " + i);
            System.out.printf(Locale.ROOT, "case %d (n=%d): sd %.17g, python %.17g%n", i, s.n(), s.sd(), sd);
        }
    }
}
