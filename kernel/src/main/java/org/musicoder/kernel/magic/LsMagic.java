package org.musicoder.kernel.magic;

import picocli.CommandLine.Command;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code %lsmagic}: the magics, what each does and the variable it binds. */
@Command(name = "lsmagic", mixinStandardHelpOptions = true,
        description = "List the magics: name, what it does, the Java variable its result is bound to.")
final class LsMagic implements Magic {
    private final MagicRegistry registry;

    LsMagic(MagicRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(MagicContext ctx) {
        StringColumn name = StringColumn.create("magic");
        StringColumn binds = StringColumn.create("binds");
        StringColumn what = StringColumn.create("what it does");
        for (MagicRegistry.Entry e : registry.all()) {
            Magic m = e.create();
            name.append((m.isCell() ? "%%" : "%") + e.name());
            binds.append(m.variable() == null ? "" : m.variable());
            what.append(e.summary());
        }
        ctx.display(Table.create("magics", name, binds, what));
        ctx.out().println("%%js runs GraalVM JavaScript: " + ctx.session().jsMode());
    }
}
