package org.musicoder.cli;

import java.util.Locale;
import org.musicoder.kernel.magic.MagicRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * The reference of the CLI commands and of the kernel's magics, generated from their picocli specs (so it cannot
 * drift from the code): {@code docs/reference.md}, written by {@code bin/musicoder reference --out docs/reference.md}
 * and checked by a test.
 */
public final class Reference {
    /** Usage text width (columns), fixed so that the page does not depend on the terminal. */
    static final int WIDTH = 110;

    private Reference() {}

    /** The whole page, Markdown. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Reference: the magics and the command line\n\n");
        sb.append("What every magic of the kernel and every `bin/musicoder` command accepts. Generated from the code's ")
                .append("option declarations (picocli) by `bin/musicoder reference --out docs/reference.md`; a test ")
                .append("fails when this page differs from what the code generates. How the kernel works, and what ")
                .append("each magic is for: [kernel.md](kernel.md).\n\n");
        MagicRegistry magics = MagicRegistry.standard();
        sb.append("## Magics\n\n| magic | binds | what it does |\n|---|---|---|\n");
        for (MagicRegistry.Entry e : magics.all()) {
            String name = (e.isCell() ? "%%" : "%") + e.name();
            String binds = e.create().variable();
            sb.append("| [`").append(name).append("`](#").append(anchor(name)).append(") | ")
                    .append(binds == null ? "" : "`" + binds + "`").append(" | ").append(cell(e.summary())).append(" |\n");
        }
        sb.append('\n');
        for (MagicRegistry.Entry e : magics.all()) {
            String name = (e.isCell() ? "%%" : "%") + e.name();
            CommandLine cl = e.commandLine(e.create());
            section(sb, "### " + name, cl);
        }
        sb.append("## Command line\n\n");
        CommandLine main = Main.commandLine();
        section(sb, "### musicoder", main);
        for (CommandLine sub : main.getSubcommands().values()) commands(sb, sub, "musicoder");
        return sb.toString();
    }

    private static void commands(StringBuilder sb, CommandLine cl, String parent) {
        String name = parent + " " + cl.getCommandName();
        if (cl.getCommand() instanceof CommandLine.HelpCommand) return;
        section(sb, "### " + name, cl);
        for (CommandLine sub : cl.getSubcommands().values()) commands(sb, sub, name);
    }

    private static void section(StringBuilder sb, String heading, CommandLine cl) {
        cl.setUsageHelpWidth(WIDTH);
        sb.append(heading).append("\n\n```\n").append(cl.getUsageMessage(Ansi.OFF).stripTrailing()).append("\n```\n\n");
    }

    /** GitHub's heading anchor of a magic's section ({@code %%time} -> {@code time}). */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
