package org.musicoder.audio;

import java.io.IOException;
import java.nio.file.Path;

/** An audio file that cannot be read; the message names the file and the reason, in one line. */
public class AudioException extends IOException {
    private final String file;
    private final String reason;

    public AudioException(Path file, String reason) {
        this(file == null ? "<stream>" : file.toString(), reason, null);
    }

    public AudioException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file that could not be read. */
    public String file() {
        return file;
    }

    /** Why, without the file name. */
    public String reason() {
        return reason;
    }
}
