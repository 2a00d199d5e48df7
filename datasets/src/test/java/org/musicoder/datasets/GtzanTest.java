package org.musicoder.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GtzanTest {
    @TempDir
    Path root;

    /** genres/{blues,jazz,rock}, 10 clips each (numbers 50..59, so jazz holds jazz.00054), rock as .wav. */
    private Path tree() throws IOException {
        Path genres = root.resolve("genres");
        for (String g : List.of("blues", "jazz", "rock"))
            for (int i = 50; i < 60; i++)
                TinyAudio.write(genres.resolve(g).resolve(g + ".000" + i + (g.equals("rock") ? ".wav" : ".au")));
        return genres;
    }

    private static List<String> ids(List<Track> tracks) {
        return tracks.stream().map(Track::id).toList();
    }

    @Test
    void readsGenresSkippingTheCorruptJazzClip() throws IOException {
        tree();
        List<String> warnings = new ArrayList<>();
        Dataset d = Gtzan.read(root, 7, warnings::add);
        assertEquals("gtzan", d.name());
        assertEquals(List.of("blues", "jazz", "rock"), d.vocabulary());
        assertEquals(29, d.tracks().size());
        assertTrue(!ids(d.tracks()).contains("jazz.00054"));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("jazz.00054") && warnings.get(0).contains("corrupt"), warnings.get(0));
        Track first = d.tracks().get(0);
        assertEquals("blues.00050", first.id());
        assertEquals(List.of("blues"), first.labels());
        assertNull(first.artist());
        assertEquals(root.resolve("genres/blues/blues.00050.au"), first.audio());
        assertEquals(root.resolve("genres/rock/rock.00059.wav"), d.tracks().get(28).audio());
        assertEquals(10, d.splits().size());
        assertEquals("fold-0", d.splits().get(0).name());
    }

    @Test
    void acceptsTheGenresFolderAsRoot() throws IOException {
        Path genres = tree();
        List<String> viaParent = ids(Gtzan.read(root, 1, w -> { }).tracks());
        assertEquals(viaParent, ids(Gtzan.read(genres, 1, w -> { }).tracks()));
    }

    @Test
    void skipsBrokenMisnamedAndDuplicateFilesWithWarnings() throws IOException {
        Path genres = tree();
        Files.write(genres.resolve("blues/blues.00050.au"), new byte[0]);          // empty
        Files.writeString(genres.resolve("blues/blues.00051.au"), "not audio");   // bad header
        TinyAudio.write(genres.resolve("blues/blues.00052.wav"));                 // duplicate id of the .au
        TinyAudio.write(genres.resolve("blues/blues_extra.wav"));                 // not a GTZAN name
        Files.writeString(genres.resolve("blues/readme.txt"), "ignored");         // not audio: silently ignored
        List<String> warnings = new ArrayList<>();
        Dataset d = Gtzan.read(root, 1, warnings::add);
        assertEquals(29 - 2, d.tracks().size());
        assertTrue(!ids(d.tracks()).contains("blues.00050") && !ids(d.tracks()).contains("blues.00051"));
        assertEquals(root.resolve("genres/blues/blues.00052.au"), d.tracks().get(0).audio());
        assertEquals(5, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("blues.00050.au") && w.contains("empty")));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("blues.00051.au") && w.contains("bad header")));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("blues.00052.wav") && w.contains("duplicate")));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("blues_extra.wav")));
    }

    @Test
    void emptyFolderIsAnError() throws IOException {
        Files.createDirectories(root.resolve("genres/blues"));
        IOException e = assertThrows(IOException.class, () -> Gtzan.read(root, 1, w -> { }));
        assertTrue(e.getMessage().contains(root.toString()), e.getMessage());
    }

    @Test
    void readsTheFilteredSplitFromItsLists() throws IOException {
        tree();
        Path lists = Files.createDirectories(root.resolve("lists"));
        Files.write(lists.resolve("train_filtered.txt"),
                List.of("blues/blues.00050.wav", "blues/blues.00051.wav", "jazz/jazz.00054.wav", "rock/rock.00050.wav"));
        Files.write(lists.resolve("valid_filtered.txt"), List.of("jazz/jazz.00052.wav", "", "rock/rock.00099.wav"));
        Files.write(lists.resolve("test_filtered.txt"), List.of("jazz/jazz.00053.wav", "blues/blues.00059.wav"));
        List<String> warnings = new ArrayList<>();
        Dataset d = Gtzan.readFiltered(root, lists, warnings::add);
        Split s = d.splits().get(0);
        assertEquals("filtered", s.name());
        assertEquals(List.of("blues.00050", "blues.00051", "rock.00050"), ids(s.train()));
        assertEquals(List.of("jazz.00052"), ids(s.validation()));
        assertEquals(List.of("jazz.00053", "blues.00059"), ids(s.test()));
        assertEquals(root.resolve("genres/blues/blues.00050.au"), s.train().get(0).audio());
        assertEquals(6, d.tracks().size());
        assertEquals(List.of("blues", "jazz", "rock"), d.vocabulary());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("jazz.00054") && w.contains("corrupt")));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("rock/rock.00099.wav") && w.contains("not on disk")));
        assertEquals(3, warnings.size(), warnings.toString());
    }

    @Test
    void filteredSplitNeedsAllThreeLists() throws IOException {
        tree();
        Path lists = Files.createDirectories(root.resolve("lists"));
        Files.write(lists.resolve("train_filtered.txt"), List.of("blues/blues.00050.wav"));
        Files.write(lists.resolve("valid_filtered.txt"), List.of("blues/blues.00051.wav"));
        IOException e = assertThrows(IOException.class, () -> Gtzan.readFiltered(root, lists, w -> { }));
        assertTrue(e.getMessage().contains("test_filtered.txt"), e.getMessage());
    }

    @Test
    void filteredSplitRejectsAClipListedTwice() throws IOException {
        tree();
        Path lists = Files.createDirectories(root.resolve("lists"));
        Files.write(lists.resolve("train_filtered.txt"), List.of("blues/blues.00050.wav", "blues/blues.00051.wav"));
        Files.write(lists.resolve("valid_filtered.txt"), List.of("jazz/jazz.00052.wav"));
        Files.write(lists.resolve("test_filtered.txt"), List.of("rock/rock.00050.wav", "blues/blues.00051.au"));
        IOException e = assertThrows(IOException.class, () -> Gtzan.readFiltered(root, lists, w -> { }));
        assertEquals(lists.resolve("test_filtered.txt") + ": blues.00051 is already listed in "
                + lists.resolve("train_filtered.txt") + " (the split's lists must be disjoint)", e.getMessage());
    }
}
