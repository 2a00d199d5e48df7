package org.musicoder.kernel.magic;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %%js}: the place of the GraalVM JavaScript cell magic (issue 6); until it lands it says so in one line. */
@Command(mixinStandardHelpOptions = true,
        description = "JavaScript cells on GraalVM sharing the session's objects: arrives with the polyglot issue; not in this build yet.")
final class PolyglotJs implements Magic {
    @Parameters(arity = "0..*", paramLabel = "ARGS", description = "Ignored until the magic arrives.")
    List<String> args;

    @Override
    public void run(MagicContext ctx) throws MagicException {
        throw new MagicException("not available yet: JavaScript cells arrive with the polyglot issue");
    }

    @Override
    public boolean isCell() {
        return true;
    }
}
