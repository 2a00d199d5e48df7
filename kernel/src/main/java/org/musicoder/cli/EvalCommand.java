package org.musicoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.musicoder.eval.GenreMetrics;
import org.musicoder.eval.TagMetrics;
import org.musicoder.io.Npy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musicoder eval}: downstream metrics of any scores against labels, both given as {@code .npy}. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Downstream metrics of given scores: macro ROC-AUC and PR-AUC over tags (as scikit-learn's "
                + "roc_auc_score / average_precision_score, average='macro'), or genre accuracy and confusion matrix.",
                "--task tags: --scores clips x tags (floats), --labels clips x tags (0/1). A tag with no positive or "
                        + "no negative clip is left out of the macro means and named in a warning.",
                "--task genre: --scores clips x classes (argmax, first on ties) or predicted class ids (1-d), "
                        + "--labels true class ids (1-d).",
                "Any .npy dtype of float, int or bool.",
                "Not to be confused with 'evaluate' (masked reconstruction loss of a pretrained model)."})
final class EvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--scores", required = true, paramLabel = "S.npy", description = "Scores or predicted class ids (.npy).")
    Path scores;

    @Option(names = "--labels", required = true, paramLabel = "L.npy", description = "Labels: 0/1 per tag, or class ids (.npy).")
    Path labels;

    @Option(names = "--task", required = true, paramLabel = "tags|genre", description = "tags or genre.")
    String task;

    @Option(names = {"--tags", "--names"}, paramLabel = "NAMES.txt",
            description = "Tag (or class) names, one a line, in column (or id) order. Default: their indices.")
    Path names;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!task.equals("tags") && !task.equals("genre"))
                throw new IllegalArgumentException("--task " + task + ": expected tags or genre");
            Npy.Array s = read("--scores", scores);
            Npy.Array l = read("--labels", labels);
            List<String> n = names == null ? List.of() : readNames(names);
            if (task.equals("tags")) {
                TagMetrics m = tags(s, l, n);
                if (!m.undefinedTags().isEmpty())
                    err.println("musicoder eval: warning: " + m.undefinedTags().size() + " tag(s) with no positive or "
                            + "no negative clip left out of the macro means: " + String.join(", ", m.undefinedTags()));
                out.println(m);
            } else {
                out.println(genre(s, l, n));
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("musicoder eval: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
        return 0;
    }

    private static Npy.Array read(String option, Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(option + " " + file + ": no such file");
        return Npy.read(file);
    }

    private static List<String> readNames(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("--tags " + file + ": no such file");
        List<String> n = new ArrayList<>();
        for (String line : Files.readAllLines(file)) if (!line.isBlank()) n.add(line.strip());
        return n;
    }

    /** Tag metrics; a 1-d pair is one tag. */
    private TagMetrics tags(Npy.Array s, Npy.Array l, List<String> names) {
        if (s.shape().length > 2 || s.shape().length == 0)
            throw new IllegalArgumentException("--scores " + scores + ": expected clips x tags, got shape " + shape(s));
        if (!Arrays.equals(s.shape(), l.shape()))
            throw new IllegalArgumentException("--scores " + scores + " has shape " + shape(s) + " but --labels "
                    + labels + " has shape " + shape(l) + " (expected the same clips x tags)");
        int clips = s.rows();
        int tags = s.cols();
        double[][] sc = new double[clips][tags];
        boolean[][] lb = new boolean[clips][tags];
        for (int i = 0; i < clips; i++)
            for (int j = 0; j < tags; j++) {
                double v = l.data()[i * tags + j];
                if (v != 0 && v != 1)
                    throw new IllegalArgumentException("--labels " + labels + ": clip " + i + " tag " + j + " is " + v + " (expected 0 or 1)");
                lb[i][j] = v == 1;
                sc[i][j] = s.data()[i * tags + j];
            }
        List<String> n = names;
        if (n.isEmpty()) {
            n = new ArrayList<>();
            for (int j = 0; j < tags; j++) n.add(Integer.toString(j));
        } else if (n.size() != tags) {
            throw new IllegalArgumentException("--tags " + this.names + ": " + n.size() + " names for " + tags + " tag columns");
        }
        return TagMetrics.of(sc, lb, n);
    }

    /** Genre metrics from class scores (2-d) or predicted ids (1-d). */
    private GenreMetrics genre(Npy.Array s, Npy.Array l, List<String> names) {
        int[] truth = ids("--labels", labels, l);
        if (s.shape().length == 2 && s.cols() > 1) {
            if (s.rows() != truth.length)
                throw new IllegalArgumentException("--scores " + scores + " has " + s.rows() + " clips but --labels "
                        + labels + " has " + truth.length);
            double[][] sc = new double[s.rows()][s.cols()];
            for (int i = 0; i < sc.length; i++) System.arraycopy(s.data(), i * s.cols(), sc[i], 0, s.cols());
            if (!names.isEmpty() && names.size() != s.cols())
                throw new IllegalArgumentException("--names " + this.names + ": " + names.size() + " names for " + s.cols() + " classes");
            return GenreMetrics.ofScores(sc, truth, names);
        }
        int[] predicted = ids("--scores", scores, s);
        if (predicted.length != truth.length)
            throw new IllegalArgumentException("--scores " + scores + " has " + predicted.length + " clips but --labels "
                    + labels + " has " + truth.length);
        int classes = names.size();
        for (int i = 0; i < truth.length; i++) classes = Math.max(classes, Math.max(truth[i], predicted[i]) + 1);
        if (!names.isEmpty() && names.size() != classes)
            throw new IllegalArgumentException("--names " + this.names + ": " + names.size() + " names but class id " + (classes - 1) + " occurs");
        return GenreMetrics.of(predicted, truth, classes, names);
    }

    private static int[] ids(String option, Path file, Npy.Array a) {
        if (a.shape().length != 1 && !(a.shape().length == 2 && a.cols() == 1))
            throw new IllegalArgumentException(option + " " + file + ": expected class ids (1-d), got shape " + shape(a));
        int[] ids = new int[a.data().length];
        for (int i = 0; i < ids.length; i++) {
            double v = a.data()[i];
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE)
                throw new IllegalArgumentException(option + " " + file + ": entry " + i + " is " + v + " (expected a class id >= 0)");
            ids[i] = (int) v;
        }
        return ids;
    }

    private static String shape(Npy.Array a) {
        return Arrays.toString(a.shape()).replace('[', '(').replace(']', ')');
    }
}
