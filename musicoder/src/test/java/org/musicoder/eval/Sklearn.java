package org.musicoder.eval;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.musicoder.io.Npy;

/**
 * Runs {@code src/test/python/sklearn_metrics.py} (the scikit-learn oracle) with Debian's {@code /usr/bin/python3}
 * and {@code python3-sklearn} on arrays written as {@code .npy}. Fails the calling test (never skips it) when they
 * are missing.
 */
final class Sklearn {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("src/test/python/sklearn_metrics.py");

    private Sklearn() {}

    /** scikit-learn's values for a tag case: keys {@code roc}, {@code ap}, {@code macro_roc}, {@code macro_ap}. */
    static Map<String, double[]> tags(Path dir, double[][] scores, boolean[][] labels) throws Exception {
        int clips = scores.length;
        int tags = scores[0].length;
        double[] s = new double[clips * tags];
        double[] l = new double[clips * tags];
        for (int i = 0; i < clips; i++)
            for (int j = 0; j < tags; j++) {
                s[i * tags + j] = scores[i][j];
                l[i * tags + j] = labels[i][j] ? 1 : 0;
            }
        Path sp = Files.createTempFile(dir, "scores", ".npy");
        Path lp = Files.createTempFile(dir, "labels", ".npy");
        Npy.write(sp, s, clips, tags);
        Npy.write(lp, l, clips, tags);
        return parse(run("tags", sp.toString(), lp.toString()));
    }

    /** scikit-learn's {@code accuracy} and row-major {@code confusion} for class ids. */
    static Map<String, double[]> genre(Path dir, int[] predicted, int[] truth, int classes) throws Exception {
        Path pp = Files.createTempFile(dir, "pred", ".npy");
        Path tp = Files.createTempFile(dir, "truth", ".npy");
        Npy.write(pp, Arrays.stream(predicted).asDoubleStream().toArray(), predicted.length);
        Npy.write(tp, Arrays.stream(truth).asDoubleStream().toArray(), truth.length);
        return parse(run("genre", pp.toString(), tp.toString(), Integer.toString(classes)));
    }

    /** scikit-learn's StandardScaler + LogisticRegression(C) at its optimum: {@code proba} (row-major) and {@code predict}. */
    static Map<String, double[]> logreg(Path dir, double[][] trainX, int[] trainY, double[][] testX, double c) throws Exception {
        Path xp = Files.createTempFile(dir, "x", ".npy");
        Path yp = Files.createTempFile(dir, "y", ".npy");
        Path tp = Files.createTempFile(dir, "t", ".npy");
        Npy.write(xp, flat(trainX), trainX.length, trainX[0].length);
        Npy.write(yp, Arrays.stream(trainY).asDoubleStream().toArray(), trainY.length);
        Npy.write(tp, flat(testX), testX.length, testX[0].length);
        return parse(run("logreg", xp.toString(), yp.toString(), tp.toString(), Double.toString(c)));
    }

    private static double[] flat(double[][] a) {
        double[] out = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, out, i * a[0].length, a[0].length);
        return out;
    }

    private static Map<String, double[]> parse(String out) {
        Map<String, double[]> m = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] f = line.strip().split(" ");
            m.put(f[0], Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray());
        }
        return m;
    }

    private static String run(String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON))
            fail("the scikit-learn oracle needs " + PYTHON + ": apt-get install python3-sklearn (environment/test.sh does)");
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("sklearn", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("sklearn_metrics.py timed out: " + cmd);
            }
            String stderr = Files.readString(err);
            if (stderr.contains("No module named 'sklearn'"))
                fail("the oracle needs scikit-learn for " + PYTHON + ": apt-get install python3-sklearn (environment/test.sh does)");
            if (p.exitValue() != 0) fail("sklearn_metrics.py failed (exit " + p.exitValue() + "): " + cmd + "\n" + stderr);
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
