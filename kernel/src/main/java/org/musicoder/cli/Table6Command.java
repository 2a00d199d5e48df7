package org.musicoder.cli;

import java.util.List;
import org.musicoder.experiments.AblationRow;
import picocli.CommandLine.Command;

/** {@code musicoder table6}: the pretraining ablation (paper Table 6). */
@Command(name = "table6", mixinStandardHelpOptions = true,
        description = {"The paper's Table 6: MusiCoder-Base without pretraining, with CCM, with CFM, with CFM+CCM, and "
                + "MusiCoder-Large with CFM+CCM, each fine-tuned on GTZAN (and MTG-Jamendo with --tags-data; with --data demo "
                + "at demo scale on the demo corpus, its tags with --tags-data demo), our mean +- sd over the seeds (--seeds) beside the paper's numbers.",
                "Writes OUT/table6.csv and OUT/table6.md and prints the Tablesaw table."})
final class Table6Command extends AblationCommand {
    @Override
    List<AblationRow> rows() {
        return AblationRow.table6();
    }

    @Override
    String name() {
        return "table6";
    }
}
