package org.musicoder.kernel.magic;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code %finetune}, {@code %eval}, {@code %tag}, {@code %table5}, {@code %table6}: registered now, wired to the
 * fine-tuning library when it lands; until then each says so in one line.
 */
@Command(mixinStandardHelpOptions = true,
        description = "Arrives with the downstream issue (fine-tuning, evaluation, tagging, the paper's Tables 5 and 6); not in this build yet.")
final class Downstream implements Magic {
    /** The magics that wait for the downstream library. */
    static final List<String> NAMES = List.of("finetune", "eval", "tag", "table5", "table6");

    @Parameters(arity = "0..*", paramLabel = "ARGS", description = "Ignored until the magic arrives.")
    List<String> args;

    @Override
    public void run(MagicContext ctx) throws MagicException {
        throw new MagicException("not available yet: it arrives with the downstream issue (fine-tuning and evaluation)");
    }
}
