package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LnTest {
    @Test
    void agreesWithMathLogOverTheWholeRange() {
        SplittableRandom rnd = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = Math.exp(rnd.nextDouble(-700, 700));
            double ref = Math.log(x);
            worst = Math.max(worst, Math.abs(Ln.ln(x) - ref) / Math.max(1.0, Math.abs(ref)));
        }
        for (double x : new double[] {1.0, Math.sqrt(0.5), Math.nextDown(Math.sqrt(2)), Math.sqrt(2), 1e-6, 1e-10,
                Double.MIN_NORMAL, Double.MAX_VALUE})
            worst = Math.max(worst, Math.abs(Ln.ln(x) - Math.log(x)) / Math.max(1.0, Math.abs(Math.log(x))));
        assertTrue(worst <= 1e-12, "worst error " + worst);
        assertEquals(0.0, Ln.ln(1.0));
    }

    @Test
    void specialValuesAsMathLog() {
        for (double x : new double[] {0.0, -1.0, Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NaN})
            assertEquals(Math.log(x), Ln.ln(x), "ln(" + x + ")");
    }
}
