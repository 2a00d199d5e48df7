package org.musicoder.cli.options;

import java.util.List;
import java.util.function.Supplier;
import org.musicoder.experiments.AblationRow;

/**
 * The paper's two ablation tables as {@code table5|table6} and {@code %table5|%table6} run them: name, rows, and
 * the first line of their help (the command and the magic each add what they write or bind).
 */
public enum PaperTables {
    /** Table 5: MusiCoder Base and Large with CFM+CCM on GTZAN. */
    TABLE5("table5", AblationRow::table5),
    /** Table 6: the pretraining ablation of MusiCoder-Base, and Large with CFM+CCM. */
    TABLE6("table6", AblationRow::table6);

    /** Table 5's help line. */
    public static final String TABLE5_HELP = "The paper's Table 5: MusiCoder-Base and -Large pretrained with CFM+CCM "
            + "(or reused from the work folder), fine-tuned on GTZAN (with --data demo: at demo scale on the demo corpus), "
            + "our mean +- sd over the seeds (--seeds) beside the paper's numbers; live progress, interruptible.";
    /** Table 6's help line. */
    public static final String TABLE6_HELP = "The paper's Table 6: MusiCoder-Base without pretraining, with CCM, with "
            + "CFM, with CFM+CCM, and -Large with CFM+CCM, each fine-tuned on GTZAN (and MTG-Jamendo with --tags-data; with "
            + "--data demo: at demo scale on the demo corpus, its tags with --tags-data demo), our mean +- sd over the seeds "
            + "(--seeds) beside the paper's numbers; live progress, interruptible.";

    private final String key;
    private final Supplier<List<AblationRow>> rows;

    PaperTables(String key, Supplier<List<AblationRow>> rows) {
        this.key = key;
        this.rows = rows;
    }

    /** {@code table5} or {@code table6}: the command, the magic, the bound variable and the files' stem. */
    public String key() {
        return key;
    }

    /** The table's rows. */
    public List<AblationRow> rows() {
        return rows.get();
    }
}
