package org.musicoder.kernel.magic;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %help [MAGIC]}: how the kernel works, or one magic's usage. */
@Command(name = "help", mixinStandardHelpOptions = true,
        description = "How to use the kernel, or the usage of one magic (%%help features = %%features --help).")
final class HelpMagic implements Magic {
    private final MagicRegistry registry;

    @Parameters(arity = "0..1", paramLabel = "MAGIC", completionCandidates = Choices.Magics.class,
            description = "A magic's name, with or without %%.")
    String magic;

    HelpMagic(MagicRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(MagicContext ctx) throws MagicException {
        if (magic == null) {
            ctx.out().print("""
                    MusiCoder kernel: Java cells run in JShell inside the kernel; magics drive the MusiCoder library.
                      %lsmagic            list the magics and the variables they bind
                      %help MAGIC         usage of one magic (same as %MAGIC --help)
                      Tab                 completes Java, magic names, options, dataset:clip names and paths
                      Shift-Tab           shows signatures (inspect)
                    A magic's result is bound to a Java variable (e.g. %features binds `features`) that the next
                    cells use. A cell whose value is a Table or a Figure is drawn; display(x) shows any object.
                    """);
            return;
        }
        String name = magic.replaceFirst("^%+", "");
        MagicRegistry.Entry e = registry.get(name);
        if (e == null) throw new MagicException("no magic '" + name + "' (%lsmagic lists them)");
        ctx.out().print(e.commandLine(e.create()).getUsageMessage(CommandLine.Help.Ansi.OFF));
    }
}
