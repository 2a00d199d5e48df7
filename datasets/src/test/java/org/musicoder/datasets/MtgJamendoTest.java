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

class MtgJamendoTest {
    private static final String HEADER = "TRACK_ID\tARTIST_ID\tALBUM_ID\tPATH\tDURATION\tTAGS";

    @TempDir
    Path root;

    private Path splitDir() {
        return root.resolve("splits/split-0");
    }

    private Path audio() {
        return root.resolve("audio");
    }

    private void write(String file, String... rows) throws IOException {
        Files.createDirectories(splitDir());
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.addAll(List.of(rows));
        Files.write(splitDir().resolve(file), lines);
    }

    private static String row(int id, int artist, String... tags) {
        String path = String.format("%02d/%d.mp3", id % 100, id);
        return String.format("track_%07d\tartist_%06d\talbum_%06d\t%s\t%.1f\t%s", id, artist, id / 2, path,
                200.5, String.join("\t", tags));
    }

    private void tree() throws IOException {
        write("autotagging_moodtheme-train.tsv",
                row(948, 87, "mood/theme---background"),
                row(1148, 87, "mood/theme---happy", "mood/theme---energetic", "mood/theme---film"));
        write("autotagging_moodtheme-validation.tsv", row(2001, 5, "mood/theme---happy"));
        write("autotagging_moodtheme-test.tsv", row(3017, 9, "mood/theme---sad", "mood/theme---film"), "");
        for (int id : new int[]{948, 1148, 2001, 3017})
            TinyAudio.write(audio().resolve(String.format("%02d/%d.mp3", id % 100, id)));
    }

    @Test
    void readsTheThreeFilesWithVariableTagCounts() throws IOException {
        tree();
        Dataset d = MtgJamendo.read(splitDir(), audio(), 5, w -> { throw new AssertionError(w); });
        assertEquals(List.of("mood/theme---background", "mood/theme---energetic", "mood/theme---film",
                "mood/theme---happy", "mood/theme---sad"), d.vocabulary());
        Split s = d.splits().get(0);
        assertEquals("split-0", s.name());
        assertEquals(2, s.train().size());
        assertEquals(1, s.validation().size());
        assertEquals(1, s.test().size());
        Track t = s.train().get(1);
        assertEquals("track_0001148", t.id());
        assertEquals("artist_000087", t.artist());
        assertEquals(audio().resolve("48/1148.mp3"), t.audio());
        assertEquals(List.of("mood/theme---happy", "mood/theme---energetic", "mood/theme---film"), t.labels());
        assertEquals(List.of("track_0000948", "track_0001148", "track_0002001", "track_0003017"),
                d.tracks().stream().map(Track::id).toList());
    }

    @Test
    void theDefaultReadInsistsOn56Tags() throws IOException {
        tree();
        IOException e = assertThrows(IOException.class, () -> MtgJamendo.read(splitDir(), audio()));
        assertTrue(e.getMessage().contains("expected 56") && e.getMessage().contains("found 5"), e.getMessage());
        String[] tags = new String[56];
        for (int i = 0; i < 56; i++) tags[i] = String.format("mood/theme---t%02d", i);
        write("autotagging_moodtheme-train.tsv", row(948, 87, tags));
        write("autotagging_moodtheme-validation.tsv", row(2001, 5, tags[0]));
        write("autotagging_moodtheme-test.tsv", row(3017, 9, tags[55], tags[1]));
        assertEquals(56, MtgJamendo.read(splitDir(), audio()).vocabulary().size());
    }

    @Test
    void skipsTracksWithoutAudioButKeepsTheirTagsInTheVocabulary() throws IOException {
        tree();
        Files.delete(audio().resolve("17/3017.mp3"));
        List<String> warnings = new ArrayList<>();
        Dataset d = MtgJamendo.read(splitDir(), audio(), 0, warnings::add);
        assertEquals(3, d.tracks().size());
        assertTrue(d.splits().get(0).test().isEmpty());
        assertTrue(d.vocabulary().contains("mood/theme---sad"));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("3017.mp3") && warnings.get(0).contains("missing"), warnings.get(0));
    }

    @Test
    void fallsBackToTheLowQualityDownload() throws IOException {
        tree();
        Files.move(audio().resolve("48/948.mp3"), audio().resolve("48/948.low.mp3"));
        Dataset d = MtgJamendo.read(splitDir(), audio(), 0, w -> { throw new AssertionError(w); });
        assertEquals(audio().resolve("48/948.low.mp3"), d.tracks().get(0).audio());
        assertEquals(audio().resolve("48/1148.mp3"), d.tracks().get(1).audio());
    }

    @Test
    void malformedLinesAndMissingFilesAreNamed() throws IOException {
        tree();
        write("autotagging_moodtheme-validation.tsv", row(2001, 5, "mood/theme---happy"),
                "track_0002002\tartist_000005\talbum_001\t02/2002.mp3\t100.0");
        IOException e = assertThrows(IOException.class, () -> MtgJamendo.read(splitDir(), audio(), 0, w -> { }));
        assertTrue(e.getMessage().contains("autotagging_moodtheme-validation.tsv: line 3"), e.getMessage());
        write("autotagging_moodtheme-validation.tsv", row(2001, 5, "genre---rock"));
        e = assertThrows(IOException.class, () -> MtgJamendo.read(splitDir(), audio(), 0, w -> { }));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("genre---rock"), e.getMessage());
        write("autotagging_moodtheme-validation.tsv", row(2001, 5, "mood/theme---happy"));
        Files.delete(splitDir().resolve("autotagging_moodtheme-test.tsv"));
        e = assertThrows(IOException.class, () -> MtgJamendo.read(splitDir(), audio(), 0, w -> { }));
        assertTrue(e.getMessage().contains("autotagging_moodtheme-test.tsv"), e.getMessage());
    }
}
