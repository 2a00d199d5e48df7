package org.musicoder.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.datasets.DebianMusic;

/** The pretraining corpus of the tables: debian-music at demo scale once it is fetched, the demo split before. */
class PretrainCorpusTest {
    @TempDir Path cache;

    @Test
    void demoScaleFallsBackToTheDemoSplitUntilDebianMusicIsFetched() throws Exception {
        PretrainCorpus before = PretrainCorpus.choose(null, true, cache);
        assertEquals("demo", before.source());
        assertEquals("demo", before.key());
        assertTrue(before.note().contains("has not been fetched") && before.note().contains("bin/musicoder corpus fetch debian-music"),
                before.note());
        assertEquals("demo corpus train split (54 clips)", before.describe(54));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PretrainCorpus.choose("debian-music", true, cache))
                .getMessage().contains("corpus fetch debian-music"));

        Path dir = DebianMusic.defaultDir(cache);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(DebianMusic.TRACKS), "file,package\n"); // what corpus fetch writes last
        PretrainCorpus after = PretrainCorpus.choose(null, true, cache);
        assertEquals("debian-music", after.source());
        assertEquals("debian-music", after.key());
        assertTrue(after.note().contains(dir.toString()), after.note());
        assertEquals("debian-music (3400 clips)", after.describe(3400));
        assertEquals("debian-music", PretrainCorpus.choose("debian-music", false, cache).source());
    }

    @Test
    void anExplicitChoiceWins() throws Exception {
        Path dir = DebianMusic.defaultDir(cache);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(DebianMusic.TRACKS), "file\n");
        assertEquals("demo", PretrainCorpus.choose("demo", true, cache).source());
        Path audio = Files.createDirectories(cache.resolve("my-audio"));
        PretrainCorpus folder = PretrainCorpus.choose(audio.toString(), false, cache);
        assertEquals(audio.toString(), folder.source());
        assertEquals("my-audio", folder.key());
        assertTrue(folder.describe(7).endsWith("my-audio (7 clips)"));
        assertThrows(IllegalArgumentException.class, () -> PretrainCorpus.choose(cache.resolve("none").toString(), true, cache));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PretrainCorpus.choose(null, false, cache))
                .getMessage().contains("--pretrain-data is required"));
    }
}
