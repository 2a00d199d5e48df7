package org.musicoder.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musicoder reference [--out FILE]}: the generated reference of the magics and commands. */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Print the reference of every magic and command (Markdown, generated from their option "
                + "declarations); docs/reference.md is this output.")
final class ReferenceCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write it to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String page = Reference.markdown();
        if (out == null) {
            spec.commandLine().getOut().print(page);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, page, StandardCharsets.UTF_8);
        }
        return 0;
    }
}
