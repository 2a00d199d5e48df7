package org.musicoder.kernel.magic;

import org.musicoder.cli.options.PaperTables;
import picocli.CommandLine.Command;

/** {@code %table5}: the paper's Table 5 (MusiCoder Base and Large on GTZAN), our numbers beside the paper's. */
@Command(mixinStandardHelpOptions = true,
        description = {PaperTables.TABLE5_HELP, "Binds `table5` (Tablesaw Table; also written as CSV and Markdown)."})
final class Table5Magic extends AblationMagic {
    Table5Magic() {
        super(PaperTables.TABLE5);
    }
}
