package org.musicoder.kernel.magic;

import java.util.List;
import org.musicoder.kernel.libraries.Libraries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code %classpath}: what the Java session's cells compile against and load. */
@Command(mixinStandardHelpOptions = true,
        description = "List the jars added with %%maven and %%jars (with --all, the kernel's own too): origin, path, "
                + "Maven artifact.")
final class ClasspathMagic implements Magic {
    @Option(names = "--all", description = "Also list the kernel's own class path.")
    boolean all;

    @Override
    public void run(MagicContext ctx) {
        List<String[]> rows = Libraries.classPath(ctx.java());
        StringColumn origin = StringColumn.create("origin"), path = StringColumn.create("path");
        StringColumn artifact = StringColumn.create("artifact");
        int kernel = 0;
        for (String[] r : rows) {
            if (r[0].equals("kernel")) kernel++;
            if (!all && r[0].equals("kernel")) continue;
            origin.append(r[0]);
            path.append(r[1]);
            artifact.append(r[2]);
        }
        ctx.out().println((rows.size() - kernel) + " added, " + kernel + " of the kernel's own"
                + (all ? "" : " (%classpath --all lists them)"));
        if (origin.size() > 0) ctx.display(Table.create("class path", origin, path, artifact));
    }
}
