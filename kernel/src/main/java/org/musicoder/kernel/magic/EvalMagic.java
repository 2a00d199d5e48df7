package org.musicoder.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musicoder.cli.EvalInputs;
import org.musicoder.cli.options.Candidates;
import org.musicoder.eval.GenreMetrics;
import org.musicoder.eval.TagMetrics;
import org.musicoder.experiments.Fold;
import org.musicoder.finetune.Example;
import org.musicoder.finetune.ValidationScore;
import org.musicoder.kernel.view.EvalView;
import org.musicoder.model.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code %eval [--split S]} (the session's fine-tuned model on a split of its fold) or
 * {@code %eval --scores S.npy --labels L.npy --task T} (any scores, as {@code musicoder eval}): accuracy and the
 * confusion matrix, or macro ROC-AUC / PR-AUC with the per-tag table.
 */
@Command(mixinStandardHelpOptions = true,
        description = {"Downstream metrics: of the session's fine-tuned model on a split of its fold, or of given .npy "
                + "scores and labels (accuracy and confusion matrix for genre; macro ROC-AUC and PR-AUC over tags, as "
                + "scikit-learn's average='macro', tags without a positive or a negative clip left out and named).",
                "Binds `metrics` (GenreMetrics or TagMetrics)."})
final class EvalMagic implements Magic {
    @Option(names = "--split", paramLabel = "S", defaultValue = "test", completionCandidates = Choices.Splits.class,
            description = "test, validation or train clips of the fine-tuned model's fold (default test; the fold's "
                    + "reported clips when it has no test clips).")
    String split;

    @Option(names = "--scores", paramLabel = "S.npy", description = "Scores (clips x tags or classes) or predicted class ids (1-d).")
    Path scores;

    @Option(names = "--labels", paramLabel = "L.npy", description = "0/1 per tag, or true class ids (1-d).")
    Path labels;

    @Option(names = "--task", paramLabel = "tags|genre", completionCandidates = Candidates.Tasks.class,
            description = "With --scores: tags or genre.")
    String task;

    @Option(names = {"--names", "--tags"}, paramLabel = "NAMES.txt", description = "With --scores: tag or class names, one a line.")
    Path names;

    @Override
    public void run(MagicContext ctx) throws Exception {
        Object metrics;
        String title;
        if (scores != null || labels != null) {
            if (scores == null || labels == null || task == null)
                throw new MagicException("--scores, --labels and --task go together");
            EvalInputs in = new EvalInputs(scores, labels, names);
            try {
                metrics = switch (task) {
                    case "tags" -> in.tags();
                    case "genre" -> in.genre();
                    default -> throw new MagicException("--task " + task + ": expected tags or genre");
                };
            } catch (IllegalArgumentException e) {
                throw new MagicException(e.getMessage());
            }
            title = scores.getFileName().toString();
        } else {
            FineTuned f = ctx.session().finetuned();
            if (f == null)
                throw new MagicException("no fine-tuned model in the session: run %finetune first, or give --scores, --labels and --task");
            List<Example> clips = clips(f.fold());
            if (clips.isEmpty()) throw new MagicException("the fold " + f.fold().name() + " has no " + split + " clips");
            List<float[][]> frames = new ArrayList<>();
            for (Example e : clips) frames.add(e.frames());
            double[][] p = f.model().predict(frames);
            metrics = f.data().task() == Task.GENRE
                    ? GenreMetrics.ofScores(p, clips.stream().mapToInt(Example::classId).toArray(), f.labels())
                    : TagMetrics.of(p, ValidationScore.labels(clips), f.labels());
            title = f.data().corpus() + ", " + split + " clips of fold " + f.fold().name() + " (" + clips.size() + ")";
        }
        if (metrics instanceof GenreMetrics g) {
            ctx.display(EvalView.summary(g, title));
            ctx.display(EvalView.confusion(g, "confusion matrix, " + title));
            ctx.display(EvalView.confusionTable(g));
        } else {
            TagMetrics t = (TagMetrics) metrics;
            if (!t.undefinedTags().isEmpty())
                ctx.output().err().println(t.undefinedTags().size() + " tag(s) with no positive or no negative clip left out "
                        + "of the macro means: " + String.join(", ", t.undefinedTags()));
            ctx.display(EvalView.summary(t, title));
            ctx.display(EvalView.perTag(t));
        }
        ctx.bind(variable(), metrics, metrics.getClass().getName());
    }

    private List<Example> clips(Fold fold) throws MagicException {
        return switch (split) {
            case "test" -> fold.reported();
            case "validation" -> fold.validation();
            case "train" -> fold.train();
            default -> throw new MagicException("--split " + split + ": expected test, validation or train");
        };
    }

    @Override
    public String variable() {
        return "metrics";
    }
}
