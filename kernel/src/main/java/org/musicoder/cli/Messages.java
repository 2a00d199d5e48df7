package org.musicoder.cli;

import java.nio.file.Path;
import org.musicoder.audio.AudioException;

/** One-line error messages that name the thing and the reason. */
final class Messages {
    private Messages() {}

    static String oneLine(Path input, Exception e) {
        if (e instanceof AudioException a) return a.getMessage();
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        why = why.replace('\n', ' ');
        return why.startsWith(input + ": ") ? why : input + ": " + why;
    }
}
