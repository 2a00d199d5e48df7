package org.musicoder.datasets;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Label and list files read as UTF-8 text, with errors that name the file. */
final class TextFiles {
    private TextFiles() {}

    /**
     * The lines of a UTF-8 text file.
     *
     * @param file the file
     * @return its lines, without line terminators
     * @throws IOException if it cannot be read or is not UTF-8 (the message names the file)
     */
    static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw notUtf8(file, e);
        }
    }

    /** The error for a file that is not UTF-8 text. */
    static IOException notUtf8(Path file, CharacterCodingException e) {
        return new IOException(file + ": not UTF-8 text (" + e + ")", e);
    }
}
