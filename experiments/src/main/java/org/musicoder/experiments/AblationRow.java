package org.musicoder.experiments;

import java.util.List;
import org.musicoder.masking.Objective;

/**
 * One row of the paper's Table 5 or 6: a model size and its pretraining objective.
 *
 * @param table {@code Table 5} or {@code Table 6}
 * @param model the paper's row name, e.g. {@code MusiCoder-Base w/ CFM+CCM}
 * @param large false for Base, true for Large
 * @param objective the pretraining objective, or null for no pretraining (random initial weights)
 * @param paperAccuracy the paper's GTZAN accuracy in percent (Table 5, ten-fold protocol), or NaN
 * @param paperRocAuc the paper's MTG-Jamendo moodtheme macro ROC-AUC in percent (Table 6), or NaN
 * @param paperPrAuc the paper's MTG-Jamendo moodtheme macro PR-AUC in percent (Table 6), or NaN
 */
public record AblationRow(String table, String model, boolean large, Objective objective, double paperAccuracy,
                          double paperRocAuc, double paperPrAuc) {
    /**
     * Table 5: MusiCoder Base and Large (both pretrained with CFM+CCM) on GTZAN, with the paper's accuracies
     * (Zhao and Guo 2020, Table 5: 94.2 % and 94.3 %, ten-fold, 80/20 songs per genre per fold).
     */
    public static List<AblationRow> table5() {
        return List.of(new AblationRow("Table 5", "MusiCoder-Base", false, Objective.CFM_CCM, 94.2, Double.NaN, Double.NaN),
                new AblationRow("Table 5", "MusiCoder-Large", true, Objective.CFM_CCM, 94.3, Double.NaN, Double.NaN));
    }

    /**
     * Table 6: Base without pretraining, with CCM, with CFM, with CFM+CCM, and Large with CFM+CCM, with the paper's
     * MTG-Jamendo moodtheme macro ROC-AUC / PR-AUC (Zhao and Guo 2020, Table 6).
     */
    public static List<AblationRow> table6() {
        return List.of(new AblationRow("Table 6", "MusiCoder-Base w/o pre-training", false, null, Double.NaN, 77.03, 15.02),
                new AblationRow("Table 6", "MusiCoder-Base w/ CCM", false, Objective.CCM, Double.NaN, 81.93, 19.49),
                new AblationRow("Table 6", "MusiCoder-Base w/ CFM", false, Objective.CFM, Double.NaN, 81.38, 19.51),
                new AblationRow("Table 6", "MusiCoder-Base w/ CFM+CCM", false, Objective.CFM_CCM, Double.NaN, 82.57, 20.87),
                new AblationRow("Table 6", "MusiCoder-Large w/ CFM+CCM", true, Objective.CFM_CCM, Double.NaN, 83.82, 22.01));
    }

    /** The pretraining as printed: {@code none}, {@code CFM}, {@code CCM} or {@code CFM+CCM}. */
    public String pretraining() {
        return objective == null ? "none" : objective.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
