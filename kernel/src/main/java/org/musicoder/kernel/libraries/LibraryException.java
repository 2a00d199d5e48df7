package org.musicoder.kernel.libraries;

/** A library that cannot be added, as one line naming it and the reason. */
public final class LibraryException extends Exception {
    /** @param message the line shown */
    public LibraryException(String message) {
        super(message);
    }
}
