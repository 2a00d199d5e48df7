package org.musicoder.cli;

import org.musicoder.cli.options.PaperTables;
import picocli.CommandLine.Command;

/** {@code musicoder table5}: MusiCoder Base and Large on GTZAN (paper Table 5). */
@Command(name = "table5", mixinStandardHelpOptions = true,
        description = {PaperTables.TABLE5_HELP, "Writes OUT/table5.csv and OUT/table5.md and prints the Tablesaw table."})
final class Table5Command extends AblationCommand {
    Table5Command() {
        super(PaperTables.TABLE5);
    }
}
