package org.musicoder.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFilesTest {
    @TempDir
    Path dir;

    @Test
    void namesAndExtensions() {
        assertEquals("blues.00029", AudioFiles.stem(Path.of("blues/blues.00029.wav")));
        assertEquals("wav", AudioFiles.extension(Path.of("A.WAV")));
        assertTrue(AudioFiles.isAudio(Path.of("x.Mp3")));
        assertFalse(AudioFiles.isAudio(Path.of("x.txt")));
        assertFalse(AudioFiles.isAudio(Path.of("wav")));
    }

    @Test
    void acceptsWellFormedHeadersOfEachType() throws IOException {
        for (String f : List.of("a.wav", "a.au", "a.snd", "a.flac", "a.ogg", "a.mp3"))
            assertEquals(Optional.empty(), AudioFiles.problem(TinyAudio.write(dir.resolve(f))), f);
        Files.write(dir.resolve("sync.mp3"), new byte[]{(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64});
        assertEquals(Optional.empty(), AudioFiles.problem(dir.resolve("sync.mp3")));
    }

    @Test
    void reportsMissingEmptyAndMislabelledFiles() throws IOException {
        assertEquals(Optional.of("missing"), AudioFiles.problem(dir.resolve("none.wav")));
        assertEquals(Optional.of("empty"), AudioFiles.problem(Files.write(dir.resolve("e.mp3"), new byte[0])));
        Path oggAsWav = Files.copy(TinyAudio.write(dir.resolve("a.ogg")), dir.resolve("b.wav"));
        assertTrue(AudioFiles.problem(oggAsWav).orElseThrow().contains("bad header"));
        Path html = Files.writeString(dir.resolve("c.mp3"), "<html>404</html>");
        assertTrue(AudioFiles.problem(html).orElseThrow().contains("bad header"));
        assertEquals(Optional.of("missing"), AudioFiles.problem(dir)); // a folder is not a file
    }
}
