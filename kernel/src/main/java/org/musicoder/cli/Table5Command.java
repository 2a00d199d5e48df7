package org.musicoder.cli;

import java.util.List;
import org.musicoder.experiments.AblationRow;
import picocli.CommandLine.Command;

/** {@code musicoder table5}: MusiCoder Base and Large on GTZAN (paper Table 5). */
@Command(name = "table5", mixinStandardHelpOptions = true,
        description = {"The paper's Table 5: MusiCoder-Base and -Large (pretrained with CFM+CCM, or reused from OUT/pretrain) "
                + "fine-tuned on GTZAN (or, with --data demo, at demo scale on the demo corpus), our mean +- sd over the seeds (--seeds) beside the paper's numbers.",
                "Writes OUT/table5.csv and OUT/table5.md and prints the Tablesaw table."})
final class Table5Command extends AblationCommand {
    @Override
    List<AblationRow> rows() {
        return AblationRow.table5();
    }

    @Override
    String name() {
        return "table5";
    }
}
