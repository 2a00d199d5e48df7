package org.musicoder.kernel.magic;

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

    /** Whether this is a cell magic ({@code %%name}). */
    default boolean isCell() {
        return false;
    }
}
