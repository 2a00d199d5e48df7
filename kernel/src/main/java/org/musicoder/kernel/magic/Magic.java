package org.musicoder.kernel.magic;

import java.util.function.Supplier;
import org.musicoder.kernel.java.JavaSession;

/**
 * One magic of the DSL: a picocli command class whose options are parsed from the magic's line, then {@link #run}.
 * Line magics ({@code %name args}) take one line; cell magics ({@code %%name args} on a cell's first line) also get
 * the rest of the cell ({@link MagicContext#body()}). Every magic is registered in {@link MagicRegistry#standard()}.
 */
public interface Magic {
    /**
     * Does the work: calls the library, shows its views through {@code ctx}, binds its result.
     *
     * @param ctx the running cell
     * @throws Exception any failure; the kernel shows its message as one line
     */
    void run(MagicContext ctx) throws Exception;

    /** The Java variable this magic binds its result to (null if none). */
    default String variable() {
        return null;
    }

    /**
     * What happens when an interrupt finds this magic inside work that does not stop at once (said in the error).
     */
    default String afterInterrupt() {
        return "its running work ends in the background and its later output is dropped";
    }

    /**
     * Completes inside a cell magic's body (e.g. Java for {@code %%time}); line magics and bodies without
     * completion return null.
     *
     * @param body    the cell after its first line
     * @param cursor  cursor offset in the body
     * @param session state across cells
     * @param java    the Java session (waits for it to start)
     * @return completions with offsets in the body, or null
     */
    default JavaSession.Completions completeBody(String body, int cursor, Session session, Supplier<JavaSession> java) {
        return null;
    }

    /** Whether this is a cell magic ({@code %%name}). */
    default boolean isCell() {
        return false;
    }
}
