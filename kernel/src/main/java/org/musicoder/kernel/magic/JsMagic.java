package org.musicoder.kernel.magic;

import java.util.function.Supplier;
import org.musicoder.kernel.CellError;
import org.musicoder.kernel.java.JavaSession;
import org.musicoder.kernel.js.JsError;
import picocli.CommandLine.Command;

/**
 * {@code %%js}: the cell's body is JavaScript, run by GraalVM in one context per kernel session ({@link JsBridge}):
 * the Java variables are JS globals, the globals a JS cell makes become Java variables, and the last value is shown
 * as a Java cell's is.
 */
@Command(mixinStandardHelpOptions = true,
        description = {"Run the cell as JavaScript (GraalVM; one context per session, started on the first %%%%js cell). "
                + "Java variables (features, masks, pretrained, tables, ...) are JS globals, shared not copied; the "
                + "globals a JS cell makes (x = ..., var, let, const, function) become Java variables; the last value "
                + "is shown like a Java cell's (Tables and Figures drawn). Interrupt stops a running loop.",
                "Binds every JS global the cell made or changed (numbers as Integer/Double, typed arrays as "
                        + "float[]/double[], arrays as List, objects as Map, Java objects as themselves)."})
final class JsMagic implements Magic {
    @Override
    public void run(MagicContext ctx) throws Exception {
        JsBridge bridge = ctx.session().js();
        ctx.onCancel(bridge::interrupt);
        try {
            ctx.result(bridge.run(ctx.body(), ctx));
        } catch (JsError e) {
            if (e.interrupted()) throw new MagicException("interrupted");
            throw new CellError(e.name(), "%%js: " + e.getMessage());
        }
    }

    /** Completes JS global names, and members after a dot, from the session's JS context. */
    @Override
    public JavaSession.Completions completeBody(String body, int cursor, Session session, Supplier<JavaSession> java) {
        return session.js().complete(body, 0, cursor);
    }

    @Override
    public String afterInterrupt() {
        return "the JS cell stops at its next statement; JS globals are kept";
    }

    @Override
    public boolean isCell() {
        return true;
    }
}
