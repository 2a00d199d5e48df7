package org.musicoder.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFolderTest {
    @TempDir
    Path root;

    @Test
    void readsRecursivelyByExtensionLabelledByParentFolder() throws IOException {
        for (String f : List.of("piano/b.wav", "piano/a.FLAC", "voice/x/deep.ogg", "voice/one.mp3", "drums/k.au",
                "drums/s.snd", "top.wav"))
            TinyAudio.write(root.resolve(f));
        Files.writeString(root.resolve("piano/notes.txt"), "not audio");
        Files.writeString(root.resolve("voice/broken.wav"), "RIFF but not a wave");
        List<String> warnings = new ArrayList<>();
        Dataset d = AudioFolder.read(root, warnings::add);
        assertEquals(List.of("drums/k.au", "drums/s.snd", "piano/a.FLAC", "piano/b.wav", "top.wav",
                "voice/one.mp3", "voice/x/deep.ogg"), d.tracks().stream().map(Track::id).toList());
        List<String> labels = new ArrayList<>(List.of("drums", "piano", root.getFileName().toString(), "voice", "x"));
        labels.sort(null);
        assertEquals(labels, d.vocabulary());
        assertEquals(List.of("x"), d.tracks().get(6).labels());
        assertEquals(root.resolve("voice/x/deep.ogg"), d.tracks().get(6).audio());
        assertEquals(root.getFileName().toString(), d.name());
        assertTrue(d.splits().isEmpty());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("broken.wav"), warnings.get(0));
    }

    @Test
    void aFolderWithoutAudioIsAnError() throws IOException {
        Files.writeString(root.resolve("a.txt"), "x");
        assertThrows(IOException.class, () -> AudioFolder.read(root, w -> { }));
        assertThrows(IOException.class, () -> AudioFolder.read(root.resolve("a.txt"), w -> { }));
    }
}
