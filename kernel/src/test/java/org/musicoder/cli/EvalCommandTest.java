package org.musicoder.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;

/** {@code musicoder eval} on generated .npy files, against Debian's scikit-learn run on the same files. */
class EvalCommandTest {
    static final Path ORACLE = Path.of("..", "musicoder", "src", "test", "python", "sklearn_metrics.py");

    @TempDir Path dir;

    static FeaturesCommandTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new FeaturesCommandTest.Run(code, out.toString(), err.toString());
    }

    /** scikit-learn's values: first word of each output line -> the numbers after it. */
    static Map<String, double[]> sklearn(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", ORACLE.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "sklearn oracle timed out");
        assertEquals(0, p.exitValue(), "sklearn oracle failed (needs /usr/bin/python3 with python3-sklearn): " + cmd);
        Map<String, double[]> m = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] f = line.strip().split(" ");
            double[] v = new double[f.length - 1];
            for (int i = 1; i < f.length; i++) v[i - 1] = Double.parseDouble(f[i]);
            m.put(f[0], v);
        }
        return m;
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void tagsMatchScikitLearnAndNameTheUndefinedTags() throws Exception {
        int clips = 400;
        int tags = 56;
        Random rnd = new Random(4);
        float[] s = new float[clips * tags];
        float[] l = new float[clips * tags];
        for (int i = 0; i < clips; i++)
            for (int j = 0; j < tags; j++) {
                boolean pos = j != 3 && rnd.nextDouble() < 0.01 + 0.2 * j / tags;
                l[i * tags + j] = pos ? 1 : 0;
                // float32 probabilities rounded to 2 decimals: many ties
                s[i * tags + j] = Math.round(100 / (1 + Math.exp(-rnd.nextGaussian() - (pos ? 1 : 0)))) / 100f;
            }
        Path sp = dir.resolve("scores.npy");
        Path lp = dir.resolve("labels.npy");
        Npy.write(sp, s, clips, tags);
        Npy.write(lp, l, clips, tags);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < tags; j++) names.add("mood/theme---t" + j);
        Path np = dir.resolve("tags.txt");
        Files.write(np, names);

        // labels as NumPy writes a bool array (dtype |b1)
        Path bp = dir.resolve("labels_bool.npy");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c",
                "import sys, numpy as np; np.save(sys.argv[2], np.load(sys.argv[1]) > 0)", lp.toString(), bp.toString())
                .inheritIO().start();
        assertEquals(0, p.waitFor(), "numpy wrote the bool labels");

        var r = run("eval", "--scores", sp.toString(), "--labels", bp.toString(), "--task", "tags", "--tags", np.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, double[]> ref = sklearn("tags", sp.toString(), lp.toString());
        assertEquals(ref.get("macro_roc")[0], number(r.out(), "macro ROC-AUC (\\S+)"), 1e-9);
        assertEquals(ref.get("macro_ap")[0], number(r.out(), "macro PR-AUC +(\\S+)"), 1e-9);
        for (int j = 0; j < tags; j++) {
            String row = "(?m)^mood/theme---t" + j + " +";
            if (Double.isNaN(ref.get("roc")[j])) {
                assertTrue(r.out().matches("(?s).*" + row + "undefined +undefined$.*"), "tag " + j + ":\n" + r.out());
                assertTrue(r.err().contains("mood/theme---t" + j), "warning names tag " + j + ": " + r.err());
            } else {
                assertEquals(ref.get("roc")[j], number(r.out(), row + "(\\S+)"), 1e-9, "ROC-AUC of tag " + j);
                assertEquals(ref.get("ap")[j], number(r.out(), row + "\\S+ +(\\S+)"), 1e-9, "PR-AUC of tag " + j);
            }
        }
        assertTrue(Double.isNaN(ref.get("roc")[3]), "tag 3 has no positive");
        assertEquals(1, r.err().strip().split("\n").length, "one warning line: " + r.err());
    }

    @Test
    void genreScoresAndIdsMatchScikitLearn() throws Exception {
        int clips = 120;
        int classes = 10;
        Random rnd = new Random(5);
        double[] truth = new double[clips];
        float[] scores = new float[clips * classes];
        for (int i = 0; i < clips; i++) {
            truth[i] = rnd.nextInt(classes);
            for (int c = 0; c < classes; c++)
                scores[i * classes + c] = Math.round(4 * rnd.nextDouble() + (c == truth[i] ? 1.5 : 0)) / 2f;
        }
        Path sp = dir.resolve("genre_scores.npy");
        Path tp = dir.resolve("genre_truth.npy");
        Npy.write(sp, scores, clips, classes);
        Npy.write(tp, truth, clips);
        var r = run("eval", "--scores", sp.toString(), "--labels", tp.toString(), "--task", "genre");
        assertEquals(0, r.code(), r.err());
        Map<String, double[]> ref = sklearn("genre", sp.toString(), tp.toString(), Integer.toString(classes));
        assertEquals(ref.get("accuracy")[0], number(r.out(), "accuracy (\\S+)"), 1e-9);
        String[] lines = r.out().strip().split("\n");
        assertEquals(2 + classes, lines.length, r.out());
        for (int t = 0; t < classes; t++) {
            String[] cells = lines[2 + t].strip().split(" +");
            assertEquals(Integer.toString(t), cells[0]);
            for (int p = 0; p < classes; p++)
                assertEquals(ref.get("confusion")[t * classes + p], Double.parseDouble(cells[1 + p]), "cell " + t + "," + p);
        }

        // the same clips as predicted ids (numpy's argmax), with class names
        double[] predicted = new double[clips];
        for (int i = 0; i < clips; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) if (scores[i * classes + c] > scores[i * classes + best]) best = c;
            predicted[i] = best;
        }
        Path pp = dir.resolve("genre_pred.npy");
        Npy.write(pp, predicted, clips);
        Path names = dir.resolve("genres.txt");
        Files.write(names, List.of("blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"));
        var ids = run("eval", "--scores", pp.toString(), "--labels", tp.toString(), "--task", "genre", "--names", names.toString());
        assertEquals(0, ids.code(), ids.err());
        assertEquals(ref.get("accuracy")[0], number(ids.out(), "accuracy (\\S+)"), 1e-9);
        assertTrue(ids.out().contains("\nreggae "), ids.out());
    }

    @Test
    void badInputIsOneLineWithExitCode2() throws Exception {
        Path a = dir.resolve("a.npy");
        Path b = dir.resolve("b.npy");
        Npy.write(a, new float[6], 3, 2);
        Npy.write(b, new float[8], 4, 2);
        var mismatch = run("eval", "--scores", a.toString(), "--labels", b.toString(), "--task", "tags");
        assertEquals(2, mismatch.code());
        assertEquals("musicoder eval: --scores " + a + " has shape (3, 2) but --labels " + b
                + " has shape (4, 2) (expected the same clips x tags)", mismatch.err().strip());
        Path none = dir.resolve("none.npy");
        var missing = run("eval", "--scores", none.toString(), "--labels", b.toString(), "--task", "genre");
        assertEquals(2, missing.code());
        assertEquals("musicoder eval: --scores " + none + ": no such file", missing.err().strip());
        var task = run("eval", "--scores", a.toString(), "--labels", b.toString(), "--task", "mood");
        assertEquals(2, task.code());
        assertEquals("musicoder eval: --task mood: expected tags or genre", task.err().strip());
        Npy.write(b, new float[] {0, 2, 1, 0, 1, 1}, 3, 2);
        var labels = run("eval", "--scores", a.toString(), "--labels", b.toString(), "--task", "tags");
        assertEquals(2, labels.code());
        assertEquals("musicoder eval: --labels " + b + ": clip 0 tag 1 is 2.0 (expected 0 or 1)", labels.err().strip());
    }
}
