package org.musicoder.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.audio.AudioLoader;
import org.musicoder.audio.Resampler;
import org.musicoder.datasets.DemoClip;
import org.musicoder.datasets.MtgJamendo;

/**
 * {@link Dedup#run} on a synthetic pretraining corpus, against a GTZAN-style tree and an MTG-Jamendo split: what it
 * removes, the report's rows, the exclusion list, and what it skips.
 */
class DedupRunTest {
    private static final String HEADER = "TRACK_ID\tARTIST_ID\tALBUM_ID\tPATH\tDURATION\tTAGS";

    @TempDir
    Path tmp;

    /** A pretraining corpus folder of 8 files (what each is, below). */
    private Path corpus() throws IOException {
        Path c = tmp.resolve("corpus");
        // FMA-style: the whole 30 s as 44.1 kHz MP3, holding the GTZAN clip (3-11 s) at 3 s
        copy(Fixtures.audio("test30.mp3"), c.resolve("fma/000/000002.mp3"));
        // 4-12 s of the recording, resampled to 16 kHz by the project's resampler: the GTZAN clip starts 1 s before it
        float[] y = AudioLoader.load(Fixtures.audio("test30.wav"), 4, 8).samples();
        Pcm16.write(c.resolve("other/part16k.wav"), Resampler.resample(y, 44100, 16000, false), 16000);
        // MTG-Jamendo tree: 948 is in the downstream split (its bytes are not even audio), 1049 is not
        Files.createDirectories(c.resolve("mtg/48"));
        Files.write(c.resolve("mtg/48/948.low.mp3"), new byte[]{'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0});
        // 5-7 s of the recording: shares only 2 s with the GTZAN clip, under the 5 s minimum
        copy(Fixtures.audio("mp3/xing.mp3"), c.resolve("mtg/49/1049.mp3"));
        // unrelated music
        for (DemoClip d : Fixtures.demoClips().subList(0, 3)) copy(Fixtures.demoFile(d), c.resolve("demo/" + d.fileName()));
        // an Ogg header, then garbage: passes the header check, fails to decode
        Files.createDirectories(c.resolve("broken"));
        Files.write(c.resolve("broken/bad.ogg"), "OggS and then nothing that decodes".getBytes());
        return c;
    }

    /** GTZAN-style downstream tree: the 22.05 kHz AU excerpt, and an unrelated clip written as AU too. */
    private Path gtzan() throws IOException {
        Path g = tmp.resolve("gtzan/genres");
        copy(Fixtures.audio("gtzan22k.au"), g.resolve("blues/blues.00000.au"));
        DemoClip other = Fixtures.demoClips().get(50);
        Pcm16.write(g.resolve("metal/metal.00000.au"),
                AudioLoader.load(Fixtures.demoFile(other), 22050, 0, 0).samples(), 22050);
        return g.getParent();
    }

    /** An MTG-Jamendo mood/theme split listing tracks 948 (train) and 2001 (test). */
    private Path split() throws IOException {
        Path s = tmp.resolve("splits/split-0");
        Files.createDirectories(s);
        Files.write(s.resolve(MtgJamendo.FILES.get(0)), List.of(HEADER,
                "track_0000948\tartist_000087\talbum_000001\t48/948.mp3\t200.5\tmood/theme---happy"));
        Files.write(s.resolve(MtgJamendo.FILES.get(1)), List.of(HEADER));
        Files.write(s.resolve(MtgJamendo.FILES.get(2)), List.of(HEADER,
                "track_0002001\tartist_000005\talbum_000002\t01/2001.mp3\t30.0\tmood/theme---sad\tmood/theme---film"));
        return s;
    }

    @Test
    void removesByContentAndByIdAndReportsWhy() throws Exception {
        Path corpus = corpus();
        List<String> warnings = new ArrayList<>();
        List<Downstream> against = List.of(
                Downstream.parse("gtzan:" + gtzan(), tmp, warnings::add),
                Downstream.parse("mtg-jamendo:" + split(), tmp, warnings::add));
        assertEquals(List.of(), warnings);
        List<String> stages = new ArrayList<>();
        Dedup.Result r = Dedup.run(corpus, against, null, Dedup.Options.DEFAULT,
                (stage, done, total, removed) -> { if (done == total) stages.add(stage + " " + total + " " + removed); },
                w -> {});

        assertEquals(8, r.files());
        assertEquals(List.of("downstream 2 0", "corpus 8 3"), stages);
        List<Dedup.Removal> rm = r.removals();
        assertEquals(List.of("fma/000/000002.mp3", "mtg/48/948.low.mp3", "other/part16k.wav"),
                rm.stream().map(Dedup.Removal::file).toList());
        assertContent(rm.get(0), 3.0);
        assertEquals(new Dedup.Removal("mtg/48/948.low.mp3", Dedup.ID, "mtg-jamendo", "track_0000948", Double.NaN,
                Double.NaN), rm.get(1));
        assertContent(rm.get(2), -1.0);
        assertEquals(2, r.count(Dedup.CONTENT));
        assertEquals(1, r.count(Dedup.ID));
        assertEquals(1, r.skipped().size());
        assertTrue(r.skipped().get(0).contains("bad.ogg") && r.skipped().get(0).contains("not checked"), r.skipped().get(0));

        // the report, read back
        assertEquals(corpus.resolve(Dedup.REPORT), r.report());
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(r.report())) {
            rows = CSVFormat.DEFAULT.parse(in).getRecords();
        }
        assertEquals(Dedup.COLUMNS, rows.get(0).toList());
        assertEquals(4, rows.size());
        assertEquals(List.of("fma/000/000002.mp3", "content", "gtzan", "blues.00000"), rows.get(1).toList().subList(0, 4));
        assertEquals(3.0, Double.parseDouble(rows.get(1).get(4)), Fingerprint.FRAME_SECONDS);
        assertTrue(Double.parseDouble(rows.get(1).get(5)) < 0.08);
        assertEquals(List.of("mtg/48/948.low.mp3", "id", "mtg-jamendo", "track_0000948", "", ""), rows.get(2).toList());
        assertEquals(-1.0, Double.parseDouble(rows.get(3).get(4)), Fingerprint.FRAME_SECONDS);
        assertEquals(rm.get(2).bitErrorRate(), Double.parseDouble(rows.get(3).get(5)), 0.00005);

        // the exclusion list, and what a trainer keeps
        assertEquals(Set.of("fma/000/000002.mp3", "mtg/48/948.low.mp3", "other/part16k.wav"), ExclusionList.read(corpus));
        List<Path> all = List.of(corpus.resolve("fma/000/000002.mp3"), corpus.resolve("mtg/49/1049.mp3"),
                corpus.resolve("other/part16k.wav"), corpus.resolve("mtg/48/948.low.mp3"));
        assertEquals(List.of(corpus.resolve("mtg/49/1049.mp3")), ExclusionList.keep(corpus, all));
    }

    @Test
    void aRunReplacesTheListAndWritesTheReportWhereAsked() throws Exception {
        Path corpus = corpus();
        ExclusionList.write(corpus, List.of("demo/stale.ogg"));
        Path report = tmp.resolve("reports/r.csv");
        Dedup.Result r = Dedup.run(corpus, List.of(Downstream.parse("mtg-jamendo:" + split(), tmp, w -> {})), report,
                Dedup.Options.DEFAULT, null, w -> {});
        // ids only: nothing is decoded, so the broken file is not noticed
        assertEquals(List.of(), r.skipped());
        assertEquals(Set.of("mtg/48/948.low.mp3"), ExclusionList.read(corpus));
        assertEquals(2, Files.readAllLines(report).size());
        assertTrue(Files.notExists(corpus.resolve(Dedup.REPORT)));
    }

    @Test
    void mtgJamendoIdsComeFromTheSplitAndTheAudioTreesNames() throws IOException {
        assertEquals(Set.of("track_0000948", "track_0002001"), MtgJamendo.trackIds(split()));
        assertEquals(Optional.of("track_0000948"), MtgJamendo.trackId(Path.of("audio/48/948.mp3")));
        assertEquals(Optional.of("track_0000948"), MtgJamendo.trackId(Path.of("48/948.low.mp3")));
        assertEquals(Optional.of("track_0000007"), MtgJamendo.trackId(Path.of("07/7.mp3")));
        // FMA's 000/000002.mp3, a wrong folder, another extension, no folder: not MTG-Jamendo names
        for (String p : List.of("000/000002.mp3", "49/948.mp3", "48/948.ogg", "948.mp3", "48/x948.mp3"))
            assertEquals(Optional.empty(), MtgJamendo.trackId(Path.of(p)), p);
    }

    @Test
    void badSpecsAndFoldersAreOneClearLine() throws IOException {
        IOException e = assertThrows(IOException.class, () -> Downstream.parse("gtzan:" + tmp.resolve("nope"), tmp, w -> {}));
        assertEquals("downstream 'gtzan:" + tmp.resolve("nope") + "': " + tmp.resolve("nope") + ": not a folder", e.getMessage());
        e = assertThrows(IOException.class, () -> Downstream.parse("fma:" + tmp, tmp, w -> {}));
        assertTrue(e.getMessage().contains("unknown kind 'fma'") && e.getMessage().contains(Downstream.FORMS), e.getMessage());
        e = assertThrows(IOException.class, () -> Downstream.parse("mtg-jamendo:" + tmp, tmp, w -> {}));
        assertTrue(e.getMessage().contains("missing MTG-Jamendo split file"), e.getMessage());
        e = assertThrows(IOException.class, () -> Dedup.run(tmp.resolve("none"), List.of(), null, Dedup.Options.DEFAULT,
                null, w -> {}));
        assertEquals(tmp.resolve("none") + ": not a folder", e.getMessage());

        // a plain folder, and the demo corpus
        Path folder = tmp.resolve("clips");
        copy(Fixtures.audio("gtzan22k.au"), folder.resolve("x/a.au"));
        Downstream d = Downstream.parse(folder.toString(), tmp, w -> {});
        assertEquals("clips", d.name());
        assertEquals(List.of("x/a.au"), d.clips().stream().map(t -> t.id()).toList());
        Downstream demo = Downstream.parse("demo", tmp, w -> {});
        assertEquals(94, demo.clips().size());
        assertTrue(Files.isRegularFile(demo.clips().get(0).audio()));
    }

    private static void assertContent(Dedup.Removal r, double offset) {
        assertEquals(Dedup.CONTENT, r.reason());
        assertEquals("gtzan", r.downstream());
        assertEquals("blues.00000", r.match());
        assertEquals(offset, r.offsetSeconds(), Fingerprint.FRAME_SECONDS, r.toString());
        assertTrue(r.bitErrorRate() < 0.08, r.toString());
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
