package org.musicoder.cli;

import org.musicoder.cli.options.PaperTables;
import picocli.CommandLine.Command;

/** {@code musicoder table6}: the pretraining ablation (paper Table 6). */
@Command(name = "table6", mixinStandardHelpOptions = true,
        description = {PaperTables.TABLE6_HELP, "Writes OUT/table6.csv and OUT/table6.md and prints the Tablesaw table."})
final class Table6Command extends AblationCommand {
    Table6Command() {
        super(PaperTables.TABLE6);
    }
}
