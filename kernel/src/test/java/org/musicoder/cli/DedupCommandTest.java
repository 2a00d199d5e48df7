package org.musicoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.datasets.DemoCorpus;
import org.musicoder.datasets.dedup.Dedup;
import org.musicoder.datasets.dedup.ExclusionList;

/**
 * {@code corpus dedup}: a corpus holding a GTZAN clip's recording (as a longer MP3) loses that file, the report and
 * the exclusion list say so, and {@code --data DIR} then leaves it out; bad input is one line.
 */
class DedupCommandTest {
    private static final Path AUDIO = FeaturesCommandTest.FIXTURES.resolve("audio");

    @TempDir Path tmp;

    @Test
    void leavesTheDownstreamRecordingOutAndTrainingHonoursTheList() throws Exception {
        Path corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus.resolve("fma"));
        Files.copy(AUDIO.resolve("test30.mp3"), corpus.resolve("fma/whole.mp3"));
        DemoCorpus demo = DemoCorpus.load();
        demo.extract(demo.clips().get(0), corpus.resolve("other"));
        Files.writeString(corpus.resolve("other/broken.ogg"), "OggS but nothing after");
        Path gtzan = tmp.resolve("gtzan");
        Files.createDirectories(gtzan.resolve("genres/blues"));
        Files.copy(AUDIO.resolve("gtzan22k.au"), gtzan.resolve("genres/blues/blues.00000.au"));
        Path cache = tmp.resolve("cache");

        FeaturesCommandTest.Run r = PretrainCommandTest.run("corpus", "dedup", "--corpus", corpus.toString(),
                "--against", "gtzan:" + gtzan, "--cache", cache.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("dedup: 1 of 3 files left out of " + corpus + " (0 by id, 1 by content)"), r.out());
        assertTrue(r.out().contains("1 files could not be read"), r.out());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("musicoder: ") && l.contains("broken.ogg")
                && l.contains("not checked")), r.err());
        assertTrue(r.err().contains("dedup: corpus files 3/3, 1 removed"), r.err());
        List<String> report = Files.readAllLines(corpus.resolve(Dedup.REPORT));
        assertEquals(2, report.size(), report.toString());
        String[] row = report.get(1).split(",");
        assertEquals(List.of("fma/whole.mp3", "content", "gtzan", "blues.00000"), List.of(row).subList(0, 4));
        assertEquals(3.0, Double.parseDouble(row[4]), 0.012, "offset_s: the AU clip is 3-11 s of the MP3's recording");
        assertTrue(Double.parseDouble(row[5]) < 0.08, report.get(1));
        assertEquals(java.util.Set.of("fma/whole.mp3"), ExclusionList.read(corpus));

        StringWriter err = new StringWriter();
        List<float[][]> clips = TrainingClips.load(corpus.toString(), false, cache, 1, new PrintWriter(err, true));
        assertEquals(1, clips.size(), "the demo clip only (broken.ogg is skipped, whole.mp3 left out)");
        assertTrue(err.toString().contains("left out 1 of 3 files listed in " + corpus.resolve(ExclusionList.FILE)),
                err.toString());
    }

    @Test
    void badInputIsOneLine() {
        FeaturesCommandTest.Run r = PretrainCommandTest.run("corpus", "dedup", "--corpus", tmp.resolve("none").toString(),
                "--against", "demo", "--cache", tmp.toString());
        assertEquals(1, r.code());
        assertEquals(List.of("musicoder corpus dedup: " + tmp.resolve("none") + ": not a folder"), r.err().lines().toList());

        r = PretrainCommandTest.run("corpus", "dedup", "--corpus", tmp.toString(), "--against", "fma:" + tmp);
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("downstream 'fma:" + tmp + "': unknown kind 'fma'"), r.err());

        r = PretrainCommandTest.run("corpus", "dedup", "--corpus", tmp.toString(), "--against", "demo", "--threads", "0");
        assertEquals(2, r.code());
        assertEquals(List.of("musicoder corpus dedup: threads must be >= 1, got 0"), r.err().lines().toList());

        r = PretrainCommandTest.run("corpus", "dedup", "--corpus", tmp.toString(), "--against", "mtg-jamendo:" + tmp,
                "--max-ber", "0.6");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("must be in (0, 0.5)"), r.err());
    }
}
