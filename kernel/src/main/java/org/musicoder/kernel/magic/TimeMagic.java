package org.musicoder.kernel.magic;

import java.util.Locale;
import java.util.function.Supplier;
import org.musicoder.kernel.java.JavaSession;
import picocli.CommandLine.Command;

/** {@code %%time}: runs the cell's Java and prints its wall time; the value is shown as usual. */
@Command(mixinStandardHelpOptions = true, description = "Run the rest of the cell as Java and print how long it took.")
final class TimeMagic implements Magic {
    @Override
    public void run(MagicContext ctx) throws Exception {
        JavaSession java = ctx.java();
        ctx.onCancel(java::stop);
        long t0 = System.nanoTime();
        JavaSession.Value v;
        try {
            v = java.eval(ctx.body(), ctx.count());
        } finally {
            ctx.out().printf(Locale.ROOT, "wall time: %.3f s%n", (System.nanoTime() - t0) / 1e9);
        }
        if (v != null) ctx.display(v.object() == null ? "null" : v.object());
    }

    @Override
    public JavaSession.Completions completeBody(String body, int cursor, Session session, Supplier<JavaSession> java) {
        return java.get().complete(body, cursor);
    }

    @Override
    public boolean isCell() {
        return true;
    }
}
