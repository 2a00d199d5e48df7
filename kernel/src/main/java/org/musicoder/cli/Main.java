package org.musicoder.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/musicoder}: the MusiCoder command line. Each subcommand is a thin shell over the library. */
@Command(name = "musicoder", mixinStandardHelpOptions = true, version = "musicoder 0.1.0",
        description = "MusiCoder: librosa-exact music features, masked pretraining, fine-tuning.",
        subcommands = {DemoCommand.class, FeaturesCommand.class, CorpusCommand.class, PretrainCommand.class, EmbedCommand.class,
                EvaluateCommand.class, EvalCommand.class, FinetuneCommand.class, TagCommand.class,
                Table5Command.class, Table6Command.class, KernelCommand.class, ReferenceCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its error handling: an exception in a command is one line on stderr, exit code 2. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("musicoder: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            cmd.getErr().flush();
            return 2;
        });
        return cl;
    }
}
