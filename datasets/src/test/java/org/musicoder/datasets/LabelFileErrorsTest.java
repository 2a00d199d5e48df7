package org.musicoder.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing findings in the label readers (docs/fuzzing.md), each once an exception that named no file
 * ({@code MalformedInputException: Input length = 1}) or an unchecked {@code InvalidPathException}: now an
 * {@link IOException} naming the file and the reason.
 */
class LabelFileErrorsTest {
    private static final byte[] LATIN1 = "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final String MTG_HEADER = "TRACK_ID\tARTIST_ID\tALBUM_ID\tPATH\tDURATION\tTAGS\n";

    @TempDir
    Path dir;

    @Test
    void mtgJamendoFileThatIsNotUtf8() throws IOException {
        Path tsv = mtgSplit(LATIN1);
        IOException e = assertThrows(IOException.class, () -> MtgJamendo.read(dir, dir, 0, w -> { }));
        assertTrue(e.getMessage().startsWith(tsv + ": not UTF-8 text"), e.getMessage());
    }

    @Test
    void mtgJamendoPathWithANul() throws IOException {
        Path tsv = mtgSplit((MTG_HEADER + "track_1\tartist_1\talbum_1\ta\0b.mp3\t1.0\tmood/theme---calm\n")
                .getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> MtgJamendo.read(dir, dir, 0, w -> { }));
        assertTrue(e.getMessage().startsWith(tsv + ": track track_1: PATH is not a file path"), e.getMessage());
    }

    @Test
    void gtzanListThatIsNotUtf8OrNamesAPathWithANul() throws IOException {
        TinyAudio.write(dir.resolve("genres/blues/blues.00000.au"));
        Path list = dir.resolve(Gtzan.FILTERED_LISTS.get(0));
        Files.write(list, LATIN1);
        IOException e = assertThrows(IOException.class, () -> Gtzan.readFiltered(dir, dir, w -> { }));
        assertTrue(e.getMessage().startsWith(list + ": not UTF-8 text"), e.getMessage());
        Files.writeString(list, "blues/\0.au\n");
        e = assertThrows(IOException.class, () -> Gtzan.readFiltered(dir, dir, w -> { }));
        assertTrue(e.getMessage().startsWith(list + ": ") && e.getMessage().endsWith(" is not a clip path"),
                e.getMessage());
    }

    @Test
    void fmaAndDebianTrackListsThatAreNotUtf8() throws IOException {
        Path fma = dir.resolve("tracks.csv");
        Files.write(fma, LATIN1);
        IOException e = assertThrows(IOException.class, () -> Fma.read(fma, dir, Fma.Subset.SMALL, w -> { }));
        assertEquals(fma + ": not UTF-8 text", e.getMessage());
        e = assertThrows(IOException.class, () -> DebianMusic.tracks(dir));
        assertEquals(fma + ": not UTF-8 text", e.getMessage());
    }

    /** Fuzzing finding: a header row with a stray quote gave commons-csv's CSVException, which named no file. */
    @Test
    void debianTrackListWithABrokenQuoteInItsHeader() throws IOException {
        Path csv = dir.resolve(DebianMusic.TRACKS);
        Files.writeString(csv, "file,\"license\" x,copyright\n");
        IOException e = assertThrows(IOException.class, () -> DebianMusic.tracks(dir));
        assertTrue(e.getMessage().startsWith(csv + ": not a track list (Invalid character"), e.getMessage());
    }

    /** Fuzzing finding: a list line "/" (a path without a file name) gave a NullPointerException. */
    @Test
    void gtzanListLineWithoutAFileName() throws IOException {
        TinyAudio.write(dir.resolve("genres/blues/blues.00000.au"));
        Path list = dir.resolve(Gtzan.FILTERED_LISTS.get(0));
        Files.writeString(list, "/\n");
        IOException e = assertThrows(IOException.class, () -> Gtzan.readFiltered(dir, dir, w -> { }));
        assertEquals(list + ": / is not a clip path", e.getMessage());
    }

    /** Fuzzing finding: a row naming a file outside the corpus folder was looked for there (path traversal). */
    @Test
    void debianTrackListNamingAFileOutsideTheFolder() throws IOException {
        Path csv = dir.resolve(DebianMusic.TRACKS);
        for (String file : new String[] {"/etc/passwd", "../x.ogg", "."}) {
            Files.writeString(csv, "file,license\n" + file + ",GPL\n");
            IOException e = assertThrows(IOException.class, () -> DebianMusic.tracks(dir));
            assertEquals(csv + ": record 1: file " + file + " is not a file in the corpus folder", e.getMessage());
        }
    }

    /** The train file of an MTG-Jamendo split in {@link #dir} (validation and test: the header only). */
    private Path mtgSplit(byte[] train) throws IOException {
        Files.write(dir.resolve(MtgJamendo.FILES.get(0)), train);
        for (String f : MtgJamendo.FILES.subList(1, 3)) Files.writeString(dir.resolve(f), MTG_HEADER);
        return dir.resolve(MtgJamendo.FILES.get(0));
    }
}
