package org.musicoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.musicoder.eval.GenreMetrics;
import org.musicoder.eval.TagMetrics;
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
            EvalInputs in = new EvalInputs(scores, labels, names);
            if (task.equals("tags")) {
                TagMetrics m = in.tags();
                if (!m.undefinedTags().isEmpty())
                    err.println("musicoder eval: warning: " + m.undefinedTags().size() + " tag(s) with no positive or "
                            + "no negative clip left out of the macro means: " + String.join(", ", m.undefinedTags()));
                out.println(m);
            } else {
                out.println(in.genre());
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
}
