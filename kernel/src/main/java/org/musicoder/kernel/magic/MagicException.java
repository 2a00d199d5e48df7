package org.musicoder.kernel.magic;

/** A magic's own failure, shown as one line: bad arguments, missing data, a result that cannot be had. */
public final class MagicException extends Exception {
    /** @param message the line shown (names the thing and the reason) */
    public MagicException(String message) {
        super(message);
    }
}
