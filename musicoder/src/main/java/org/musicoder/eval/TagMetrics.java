package org.musicoder.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The auto-tagging metrics of one evaluated set: macro ROC-AUC and macro PR-AUC over tags, and both per tag.
 * <p>
 * Undefined tags: a tag with no positive clip, or with only positive clips, in the evaluated set has no defined
 * ROC-AUC. Such a tag gets {@code NaN} for both metrics, is left out of both macro means, and is named in
 * {@link #undefinedTags()} (callers print it as a warning). With every tag evaluable, {@link #macroRocAuc()} and
 * {@link #macroPrAuc()} equal scikit-learn's {@code roc_auc_score} and {@code average_precision_score} with
 * {@code average='macro'}.
 *
 * @param tagNames      tag names in column order
 * @param macroRocAuc   mean ROC-AUC over the evaluable tags ({@code NaN} if none)
 * @param macroPrAuc    mean average precision over the evaluable tags ({@code NaN} if none)
 * @param rocAuc        ROC-AUC per tag, {@code NaN} for an undefined tag
 * @param prAuc         average precision per tag, {@code NaN} for an undefined tag
 * @param undefinedTags names of the tags left out, in column order
 */
public record TagMetrics(List<String> tagNames, double macroRocAuc, double macroPrAuc, double[] rocAuc,
                         double[] prAuc, List<String> undefinedTags) {
    public TagMetrics {
        tagNames = List.copyOf(tagNames);
        undefinedTags = List.copyOf(undefinedTags);
        rocAuc = rocAuc.clone();
        prAuc = prAuc.clone();
    }

    /**
     * @param scores   {@code clips x tags} scores (probabilities or logits), finite
     * @param labels   {@code clips x tags}, {@code true} = the clip has the tag
     * @param tagNames one name per tag column
     * @return the metrics
     * @throws IllegalArgumentException on mismatched or empty shapes, a non-finite score, or a wrong name count
     */
    public static TagMetrics of(double[][] scores, boolean[][] labels, List<String> tagNames) {
        int tags = Checks.matrices("scores vs labels", scores, labels);
        if (tagNames.size() != tags)
            throw new IllegalArgumentException(tagNames.size() + " tag names for " + tags + " tag columns");
        double[] roc = RocAuc.perTag(scores, labels);
        double[] pr = AveragePrecision.perTag(scores, labels);
        List<String> undefined = new ArrayList<>();
        for (int j = 0; j < tags; j++) if (Double.isNaN(roc[j])) undefined.add(tagNames.get(j));
        return new TagMetrics(tagNames, PerTag.mean(roc), PerTag.mean(pr), roc, pr, undefined);
    }

    /** @return a copy of the ROC-AUC per tag */
    @Override
    public double[] rocAuc() {
        return rocAuc.clone();
    }

    /** @return a copy of the average precision per tag */
    @Override
    public double[] prAuc() {
        return prAuc.clone();
    }

    /** Number of tags in the macro means. */
    public int evaluatedTags() {
        return tagNames.size() - undefinedTags.size();
    }

    /** The two macro values, then one line per tag ({@code undefined} for a left-out tag). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "macro ROC-AUC %.10f%nmacro PR-AUC  %.10f%n(%d of %d tags evaluated)%n", macroRocAuc, macroPrAuc,
                evaluatedTags(), tagNames.size()));
        int width = "tag".length();
        for (String t : tagNames) width = Math.max(width, t.length());
        sb.append(String.format(Locale.ROOT, "%-" + width + "s  %12s  %12s", "tag", "ROC-AUC", "PR-AUC"));
        for (int j = 0; j < tagNames.size(); j++) {
            sb.append(String.format(Locale.ROOT, "%n%-" + width + "s  %12s  %12s", tagNames.get(j), value(rocAuc[j]),
                    value(prAuc[j])));
        }
        return sb.toString();
    }

    private static String value(double v) {
        return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.10f", v);
    }
}
