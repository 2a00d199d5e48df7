package org.musicoder.datasets;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets of the label readers (docs/fuzzing.md): MTG-Jamendo's split TSV, FMA's {@code tracks.csv}, GTZAN's
 * filtered-split lists, the Debian corpus's {@code tracks.csv} and DEP-5 copyright files. Contract: a file is read
 * or refused with an {@link IOException} whose one-line message names the file read (or the folder holding it);
 * DEP-5 text, which has no invalid form, always parses. Anything else (another exception, an
 * {@link OutOfMemoryError}, more than 10 s) is a finding. {@code mvn test} replays the committed inputs in
 * {@code LabelFilesFuzzTestInputs/<target>/}; {@code environment/fuzz.sh} fuzzes.
 */
@Timeout(10)
class LabelFilesFuzzTest {
    private static final Path ROOT = tree();

    /** The input as MTG-Jamendo's train file, beside empty (header-only) validation and test files. */
    @FuzzTest(maxDuration = "30s")
    void mtgJamendo(byte[] data) {
        Path dir = ROOT.resolve("mtg");
        write(dir.resolve(MtgJamendo.FILES.get(0)), data);
        expectRefusalNaming(dir, () -> MtgJamendo.read(dir, ROOT.resolve("audio"), 0, w -> { }));
        expectRefusalNaming(dir, () -> MtgJamendo.trackIds(dir));
    }

    /** The input as FMA's {@code tracks.csv} (no audio on disk: every listed track is skipped with a warning). */
    @FuzzTest(maxDuration = "30s")
    void fma(byte[] data) {
        Path csv = write(ROOT.resolve("fma/tracks.csv"), data);
        expectRefusalNaming(csv, () -> Fma.read(csv, ROOT.resolve("fma/audio"), Fma.Subset.LARGE, w -> { }));
    }

    /** The input as the train list of GTZAN's filtered split, over a tree of three clips. */
    @FuzzTest(maxDuration = "30s")
    void gtzanLists(byte[] data) {
        Path lists = ROOT.resolve("gtzan-lists");
        write(lists.resolve(Gtzan.FILTERED_LISTS.get(0)), data);
        expectRefusalNaming(lists, () -> Gtzan.readFiltered(ROOT.resolve("gtzan"), lists, w -> { }));
    }

    /** The input as the Debian corpus's {@code tracks.csv}. */
    @FuzzTest(maxDuration = "30s")
    void debianTracks(byte[] data) {
        Path dir = ROOT.resolve("debian");
        write(dir.resolve(DebianMusic.TRACKS), data);
        expectRefusalNaming(dir, () -> DebianMusic.tracks(dir));
    }

    /** The input as a DEP-5 copyright file, asked for a path's license and copyright. */
    @FuzzTest(maxDuration = "30s")
    void dep5(byte[] data) {
        Dep5 d = Dep5.parse(new String(data, StandardCharsets.UTF_8));
        assertNotNull(d.license("usr/share/games/x/base/music/a.ogg"));
        assertNotNull(d.copyright("debian/copyright"));
    }

    private interface Reader {
        void read() throws IOException;
    }

    private static void expectRefusalNaming(Path where, Reader reader) {
        try {
            reader.read();
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            assertTrue(m.contains(where.toString()), () -> "message does not name " + where + ": " + e);
            assertTrue(!m.contains("\n"), () -> "message of more than one line: " + m);
        }
    }

    private static Path write(Path file, byte[] data) {
        try {
            Files.write(file, data);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixed part: a GTZAN tree of three clips with two of its lists, and MTG-Jamendo's other two files. */
    private static Path tree() {
        try {
            Path root = Files.createTempDirectory("musicoder-fuzz-labels");
            root.toFile().deleteOnExit();
            for (String clip : new String[] {"blues/blues.00000.au", "blues/blues.00001.wav", "jazz/jazz.00003.au"})
                TinyAudio.write(root.resolve("gtzan/genres").resolve(clip));
            Path lists = Files.createDirectories(root.resolve("gtzan-lists"));
            Files.writeString(lists.resolve(Gtzan.FILTERED_LISTS.get(1)), "blues/blues.00001.wav\n");
            Files.writeString(lists.resolve(Gtzan.FILTERED_LISTS.get(2)), "jazz/jazz.00003.wav\n");
            Path mtg = Files.createDirectories(root.resolve("mtg"));
            for (String f : MtgJamendo.FILES.subList(1, 3))
                Files.writeString(mtg.resolve(f), "TRACK_ID\tARTIST_ID\tALBUM_ID\tPATH\tDURATION\tTAGS\n");
            Files.createDirectories(root.resolve("fma/audio"));
            Files.createDirectories(root.resolve("debian"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
