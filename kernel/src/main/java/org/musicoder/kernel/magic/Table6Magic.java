package org.musicoder.kernel.magic;

import org.musicoder.cli.options.PaperTables;
import picocli.CommandLine.Command;

/** {@code %table6}: the paper's Table 6 (the pretraining ablation), our numbers beside the paper's. */
@Command(mixinStandardHelpOptions = true,
        description = {PaperTables.TABLE6_HELP, "Binds `table6` (Tablesaw Table; also written as CSV and Markdown)."})
final class Table6Magic extends AblationMagic {
    Table6Magic() {
        super(PaperTables.TABLE6);
    }
}
