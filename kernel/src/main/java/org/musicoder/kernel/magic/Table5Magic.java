package org.musicoder.kernel.magic;

import java.util.List;
import org.musicoder.experiments.AblationRow;
import picocli.CommandLine.Command;

/** {@code %table5}: the paper's Table 5 (MusiCoder Base and Large on GTZAN), our numbers beside the paper's. */
@Command(mixinStandardHelpOptions = true,
        description = {"The paper's Table 5: MusiCoder-Base and -Large with CFM+CCM, fine-tuned on GTZAN (demo scale on the "
                + "demo corpus by default), our mean +- sd over the seeds (--seeds) beside the paper's numbers; live progress, interruptible.",
                "Binds `table5` (Tablesaw Table; also written as CSV and Markdown)."})
final class Table5Magic extends AblationMagic {
    @Override
    List<AblationRow> rows() {
        return AblationRow.table5();
    }

    @Override
    String name() {
        return "table5";
    }
}
