package org.musicoder.kernel.magic;

import java.util.List;
import org.musicoder.experiments.AblationRow;
import picocli.CommandLine.Command;

/** {@code %table6}: the paper's Table 6 (the pretraining ablation), our numbers beside the paper's. */
@Command(mixinStandardHelpOptions = true,
        description = {"The paper's Table 6: MusiCoder-Base without pretraining, with CCM, with CFM, with CFM+CCM, and "
                + "-Large with CFM+CCM, fine-tuned on genre (and tags with --tags-data; demo scale on the demo corpus by default), our "
                + "mean +- sd over the seeds (--seeds) beside the paper's numbers; live progress, interruptible.",
                "Binds `table6` (Tablesaw Table; also written as CSV and Markdown)."})
final class Table6Magic extends AblationMagic {
    @Override
    List<AblationRow> rows() {
        return AblationRow.table6();
    }

    @Override
    String name() {
        return "table6";
    }
}
