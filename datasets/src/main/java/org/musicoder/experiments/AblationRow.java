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
 */
public record AblationRow(String table, String model, boolean large, Objective objective) {
    /** Table 5: MusiCoder Base and Large (both pretrained with CFM+CCM) on GTZAN. */
    public static List<AblationRow> table5() {
        return List.of(new AblationRow("Table 5", "MusiCoder-Base", false, Objective.CFM_CCM),
                new AblationRow("Table 5", "MusiCoder-Large", true, Objective.CFM_CCM));
    }

    /** Table 6: Base without pretraining, with CCM, with CFM, with CFM+CCM, and Large with CFM+CCM. */
    public static List<AblationRow> table6() {
        return List.of(new AblationRow("Table 6", "MusiCoder-Base w/o pre-training", false, null),
                new AblationRow("Table 6", "MusiCoder-Base w/ CCM", false, Objective.CCM),
                new AblationRow("Table 6", "MusiCoder-Base w/ CFM", false, Objective.CFM),
                new AblationRow("Table 6", "MusiCoder-Base w/ CFM+CCM", false, Objective.CFM_CCM),
                new AblationRow("Table 6", "MusiCoder-Large w/ CFM+CCM", true, Objective.CFM_CCM));
    }

    /** The pretraining as printed: {@code none}, {@code CFM}, {@code CCM} or {@code CFM+CCM}. */
    public String pretraining() {
        return objective == null ? "none" : objective.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
