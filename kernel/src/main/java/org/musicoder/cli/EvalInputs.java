package org.musicoder.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.musicoder.eval.GenreMetrics;
import org.musicoder.eval.TagMetrics;
import org.musicoder.io.Npy;
import org.musicoder.io.TextFiles;

/**
 * The inputs of {@code musicoder eval} and the kernel's {@code %eval}: scores and labels as {@code .npy} files
 * (any float, int or bool dtype), optional names, read into the metrics. Messages name the option and the file.
 *
 * @param scores {@code --scores}: clips x tags, clips x classes, or predicted class ids (1-d)
 * @param labels {@code --labels}: clips x tags of 0/1, or true class ids (1-d)
 * @param names  {@code --tags}/{@code --names}: one name a line in column (or id) order, or null for indices
 */
public record EvalInputs(Path scores, Path labels, Path names) {
    private static Npy.Array read(String option, Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(option + " " + file + ": no such file");
        return Npy.read(file);
    }

    private static List<String> readNames(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("--tags " + file + ": no such file");
        List<String> n = new ArrayList<>();
        for (String line : TextFiles.lines(file)) if (!line.isBlank()) n.add(line.strip());
        return n;
    }

    /**
     * Tag metrics; a 1-d pair is one tag.
     *
     * @return macro ROC-AUC and PR-AUC over the tag columns
     * @throws IOException if a file is missing or not a .npy
     * @throws IllegalArgumentException if the shapes do not fit or a label is not 0/1 (the message names the file)
     */
    public TagMetrics tags() throws IOException {
        Npy.Array s = read("--scores", scores);
        Npy.Array l = read("--labels", labels);
        List<String> names = this.names == null ? List.of() : readNames(this.names);
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

    /**
     * Genre metrics from class scores (2-d, argmax) or predicted ids (1-d).
     *
     * @return accuracy and confusion matrix
     * @throws IOException if a file is missing or not a .npy
     * @throws IllegalArgumentException if the shapes do not fit or an id is not a class id (the message names the file)
     */
    public GenreMetrics genre() throws IOException {
        Npy.Array s = read("--scores", scores);
        Npy.Array l = read("--labels", labels);
        List<String> names = this.names == null ? List.of() : readNames(this.names);
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
