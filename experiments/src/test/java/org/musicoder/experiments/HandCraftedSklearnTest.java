package org.musicoder.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.eval.LogisticRegression;
import org.musicoder.eval.Standardizer;
import org.musicoder.finetune.Example;
import org.musicoder.io.Npy;
import org.musicoder.model.Task;

/**
 * The hand-crafted baseline on the demo corpus against scikit-learn: the same 648 clip statistics, StandardScaler +
 * LogisticRegression(C) in scikit-learn give the same test predictions as ours, for every C of the grid; and the
 * baseline's kept C beats the majority class on the test clips.
 */
class HandCraftedSklearnTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("..", "musicoder", "src", "test", "python", "sklearn_metrics.py");

    @TempDir Path dir;

    @Test
    void demoBaselineMatchesScikitLearn() throws Exception {
        DownstreamData d = Downstream.demo(Task.GENRE, dir.resolve("cache"), 2, w -> {});
        Fold f = d.folds().get(0);
        double[][] train = stats(f.train());
        double[][] test = stats(f.test());
        int[] y = f.train().stream().mapToInt(Example::classId).toArray();
        Npy.write(dir.resolve("x.npy"), flat(train), train.length, train[0].length);
        Npy.write(dir.resolve("y.npy"), Arrays.stream(y).asDoubleStream().toArray(), y.length);
        Npy.write(dir.resolve("t.npy"), flat(test), test.length, test[0].length);
        Standardizer s = Standardizer.fit(train);
        for (double c : HandCrafted.C_GRID) {
            int[] ours = LogisticRegression.fit(s.apply(train), y, d.labels().size(), c).predict(s.apply(test));
            int[] theirs = predictions(sklearn("logreg", dir.resolve("x.npy").toString(), dir.resolve("y.npy").toString(),
                    dir.resolve("t.npy").toString(), Double.toString(c)));
            assertArrayEquals(theirs, ours, "C " + c);
        }
        HandCrafted.Result r = HandCrafted.genre(f, d.labels().size());
        System.out.printf("hand-crafted baseline on the demo corpus: C %s, validation %.3f, test %.3f%n", r.c(), r.validation(),
                r.reported());
        assertTrue(r.reported() > 0.4, "well above the majority class (0.20): " + r);
    }

    static double[][] stats(List<Example> examples) {
        return examples.stream().map(Example::statistics).toArray(double[][]::new);
    }

    static double[] flat(double[][] a) {
        double[] out = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, out, i * a[0].length, a[0].length);
        return out;
    }

    static int[] predictions(String out) {
        for (String line : out.strip().split("\n"))
            if (line.startsWith("predict ")) return Arrays.stream(line.substring(8).trim().split(" ")).mapToInt(Integer::parseInt).toArray();
        fail("no predict line in: " + out);
        return null;
    }

    String sklearn(String... args) throws Exception {
        if (!Files.isExecutable(PYTHON)) fail("the scikit-learn oracle needs " + PYTHON + ": apt-get install python3-sklearn");
        List<String> cmd = new java.util.ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "sk", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("sklearn timed out");
        }
        assertEquals(0, p.exitValue(), Files.readString(err));
        return out;
    }
}
