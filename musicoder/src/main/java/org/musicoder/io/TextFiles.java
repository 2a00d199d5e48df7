package org.musicoder.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** UTF-8 text files whose decoding errors name the file (the JDK's say only "Input length = 1"). */
public final class TextFiles {
    private TextFiles() {}

    /**
     * @param path a UTF-8 text file
     * @return its lines, without line terminators
     * @throws IOException if it cannot be read, or is not UTF-8 ({@code "PATH: not UTF-8 text"})
     */
    public static List<String> lines(Path path) throws IOException {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw notUtf8(path, e);
        }
    }

    /**
     * @param path a UTF-8 text file
     * @return its text
     * @throws IOException if it cannot be read, or is not UTF-8 ({@code "PATH: not UTF-8 text"})
     */
    public static String read(Path path) throws IOException {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw notUtf8(path, e);
        }
    }

    /**
     * @param path a file that failed to decode
     * @param e    the decoding error
     * @return the error to throw: {@code "PATH: not UTF-8 text"}
     */
    public static IOException notUtf8(Path path, CharacterCodingException e) {
        return new IOException(path + ": not UTF-8 text", e);
    }
}
