package org.musicoder.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the fuzz targets share: one scratch file per target that each input is written to (the readers under test
 * take a path), and the contract of a refused input: an exception whose one-line message names the input and says
 * why ({@code "NAME: reason"}). Any other exception, an {@link OutOfMemoryError} or a hang is a finding.
 */
public final class FuzzFiles {
    private static Path dir;

    private FuzzFiles() {}

    /**
     * Writes {@code data} to the scratch file {@code name} (replaced at every input).
     *
     * @param name file name, e.g. {@code input.wav}
     * @param data the fuzzer's bytes
     * @return the file
     */
    public static synchronized Path write(String name, byte[] data) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("musicoder-fuzz");
                dir.toFile().deleteOnExit();
            }
            Path file = dir.resolve(name);
            Files.write(file, data);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fuzz input", e);
        }
    }

    /**
     * Checks that a refusal keeps the contract: the message is one line, {@code "<name>: <reason>"}.
     *
     * @param e    the exception the reader threw
     * @param name the file (or stream name) given to the reader
     */
    public static void assertNamed(Exception e, Object name) {
        String m = e.getMessage();
        String prefix = name + ": ";
        assertTrue(m != null && m.startsWith(prefix) && !m.substring(prefix.length()).isBlank(),
                () -> "message does not name " + name + " and a reason: " + e);
        assertFalse(m.contains("\n"), () -> "message of more than one line: " + m);
    }
}
