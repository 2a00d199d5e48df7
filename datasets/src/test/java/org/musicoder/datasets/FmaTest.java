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

class FmaTest {
    /** FMA's tracks.csv layout: two header rows (group, name), a track_id row, quoted fields with commas/newlines. */
    private static final String CSV = """
            ,album,artist,artist,set,set,track,track
            ,title,id,name,split,subset,genre_top,title
            track_id,,,,,,,
            2,AWOL - A Way Of Life,1,AWOL,training,small,Hip-Hop,Food
            5,"Live, at ""WFMU"" 1999",1,AWOL,validation,medium,Hip-Hop,"This World
            (second line)"
            140,Constant Hitmaker,54,Alec K. Redfearn,test,small,Folk,Queen Of The Wires
            141,Constant Hitmaker,54,Alec K. Redfearn,training,large,,Ohio
            155066,"A, B",9000,"Some, Artist",training,large,Rock,Last
            """;

    @TempDir
    Path root;

    private Path tree() throws IOException {
        Files.createDirectories(root.resolve("fma_metadata"));
        Files.writeString(root.resolve("fma_metadata/tracks.csv"), CSV);
        for (String f : List.of("000/000002.mp3", "000/000005.mp3", "000/000140.mp3", "000/000141.mp3",
                "155/155066.mp3"))
            TinyAudio.write(root.resolve("fma_large").resolve(f));
        return root.resolve("fma_metadata/tracks.csv");
    }

    private static List<String> ids(List<Track> l) {
        return l.stream().map(Track::id).toList();
    }

    @Test
    void audioPathsUseTheZeroPaddedId() {
        Path a = Path.of("fma_large");
        assertEquals(a.resolve("000/000002.mp3"), Fma.audioPath(a, 2));
        assertEquals(a.resolve("155/155066.mp3"), Fma.audioPath(a, 155066));
    }

    @Test
    void readsTheLargeSubsetWithItsOfficialSplit() throws IOException {
        tree();
        Dataset d = Fma.read(root, Fma.Subset.LARGE);
        assertEquals("fma-large", d.name());
        assertEquals(List.of("2", "5", "140", "141", "155066"), ids(d.tracks()));
        assertEquals(List.of("Folk", "Hip-Hop", "Rock"), d.vocabulary());
        Split s = d.splits().get(0);
        assertEquals(List.of("2", "141", "155066"), ids(s.train()));
        assertEquals(List.of("5"), ids(s.validation()));
        assertEquals(List.of("140"), ids(s.test()));
        Track t = d.tracks().get(4);
        assertEquals(List.of("Rock"), t.labels());
        assertEquals("9000", t.artist());
        assertEquals(root.resolve("fma_large/155/155066.mp3"), t.audio());
        assertEquals(List.of(), d.tracks().get(3).labels()); // empty genre_top: unlabelled
    }

    @Test
    void subsetsNest() throws IOException {
        Path csv = tree();
        Path audio = root.resolve("fma_large");
        assertEquals(List.of("2", "140"), ids(Fma.read(csv, audio, Fma.Subset.SMALL, w -> { }).tracks()));
        assertEquals(List.of("2", "5", "140"), ids(Fma.read(csv, audio, Fma.Subset.MEDIUM, w -> { }).tracks()));
    }

    @Test
    void skipsMissingAndBrokenAudioWithWarnings() throws IOException {
        Path csv = tree();
        Files.delete(root.resolve("fma_large/000/000005.mp3"));
        Files.write(root.resolve("fma_large/000/000140.mp3"), new byte[0]);
        List<String> warnings = new ArrayList<>();
        Dataset d = Fma.read(csv, root.resolve("fma_large"), Fma.Subset.LARGE, warnings::add);
        assertEquals(List.of("2", "141", "155066"), ids(d.tracks()));
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(0).contains("000005.mp3") && warnings.get(0).contains("missing"), warnings.get(0));
        assertTrue(warnings.get(1).contains("000140.mp3") && warnings.get(1).contains("empty"), warnings.get(1));
    }

    @Test
    void malformedFilesAreNamed() throws IOException {
        Path csv = tree();
        Path audio = root.resolve("fma_large");
        Files.writeString(csv, CSV.replace("track_id,", "id,"));
        IOException e = assertThrows(IOException.class, () -> Fma.read(csv, audio, Fma.Subset.LARGE, w -> { }));
        assertTrue(e.getMessage().contains("track_id"), e.getMessage());
        Files.writeString(csv, CSV.replace("genre_top", "genres"));
        e = assertThrows(IOException.class, () -> Fma.read(csv, audio, Fma.Subset.LARGE, w -> { }));
        assertTrue(e.getMessage().contains("track.genre_top"), e.getMessage());
        Files.writeString(csv, CSV.replace("test,small", "holdout,small"));
        e = assertThrows(IOException.class, () -> Fma.read(csv, audio, Fma.Subset.LARGE, w -> { }));
        assertTrue(e.getMessage().contains("holdout") && e.getMessage().contains("record"), e.getMessage());
        Files.writeString(csv, CSV + "155067,\"unterminated,1,x,training,large,Rock,t\n");
        e = assertThrows(IOException.class, () -> Fma.read(csv, audio, Fma.Subset.LARGE, w -> { }));
        assertTrue(e.getMessage().startsWith(csv.toString()), e.getMessage());
    }
}
