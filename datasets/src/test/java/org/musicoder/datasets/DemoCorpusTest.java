package org.musicoder.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCorpusTest {
    private static final DemoCorpus CORPUS = DemoCorpus.load();

    @Test
    void hasAtLeastFiveClassesOfTwelveClips() {
        Map<String, Long> perClass = CORPUS.clips().stream()
                .collect(Collectors.groupingBy(DemoClip::styleClass, Collectors.counting()));
        assertTrue(perClass.size() >= 5, "classes: " + perClass);
        perClass.forEach((c, n) -> assertTrue(n >= 12, c + " has " + n + " clips"));
        assertEquals(perClass.keySet(), CORPUS.classes());
    }

    /** Ogg page and Vorbis identification header layout (RFC 3533, Vorbis I spec section 4.2.2). */
    @Test
    void everyClipIsTenSecondsOfOggVorbisAt44100Hz() throws IOException {
        for (DemoClip clip : CORPUS.clips()) {
            byte[] ogg = bytes(clip);
            assertEquals("OggS", new String(ogg, 0, 4, StandardCharsets.US_ASCII), clip.id());
            assertEquals(1, ogg[26], clip.id() + ": first page holds only the identification header");
            assertEquals("\u0001vorbis", new String(ogg, 28, 7, StandardCharsets.ISO_8859_1), clip.id());
            ByteBuffer le = ByteBuffer.wrap(ogg).order(ByteOrder.LITTLE_ENDIAN);
            int channels = ogg[39];
            assertTrue(channels == 1 || channels == 2, clip.id() + ": " + channels + " channels");
            assertEquals(44100, le.getInt(40), clip.id() + ": sample rate");
            // the granule position of the last page is the number of samples per channel
            int last = lastIndexOf(ogg, "OggS".getBytes(StandardCharsets.US_ASCII));
            assertEquals(441_000L, le.getLong(last + 6), clip.id() + ": length in samples");
        }
    }

    @Test
    void noSourceTrackIsInTwoSplits() {
        Map<String, Set<SplitPart>> splits = new HashMap<>();
        for (DemoClip c : CORPUS.clips()) {
            splits.computeIfAbsent(c.sourceTrack(), k -> new TreeSet<>()).add(c.split());
        }
        splits.forEach((track, s) -> assertEquals(1, s.size(), track + " is in " + s));
    }

    @Test
    void everySplitHasEveryClass() {
        for (SplitPart split : SplitPart.values()) {
            Set<String> classes = CORPUS.clips(split).stream().map(DemoClip::styleClass)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(CORPUS.classes(), classes, split.label());
        }
    }

    @Test
    void clipsComeFromSeveralTracksWithTwoOffsetsEach() {
        Map<String, List<DemoClip>> byTrack = CORPUS.clips().stream()
                .collect(Collectors.groupingBy(DemoClip::sourceTrack));
        byTrack.forEach((track, clips) -> {
            assertEquals(2, clips.size(), track);
            assertTrue(Math.abs(clips.get(0).offsetSeconds() - clips.get(1).offsetSeconds()) >= 10, track);
        });
        Map<String, Long> tracksPerClass = byTrack.values().stream()
                .collect(Collectors.groupingBy(c -> c.get(0).styleClass(), Collectors.counting()));
        tracksPerClass.forEach((c, n) -> assertTrue(n >= 6, c + " has " + n + " source tracks"));
    }

    @Test
    void totalSizeIsAtMostTenMegabytes() throws IOException {
        long total = 0;
        for (DemoClip clip : CORPUS.clips()) total += bytes(clip).length;
        assertTrue(total <= 10L * 1024 * 1024, "total " + total + " bytes");
    }

    @Test
    void everyClipHasLicenseAttributionAndTags() {
        for (DemoClip c : CORPUS.clips()) {
            assertFalse(c.license().isBlank(), c.id());
            assertFalse(c.attribution().isBlank(), c.id());
            List<String> tags = c.tags();
            assertTrue(tags.size() >= 3 && tags.stream().noneMatch(String::isBlank), c.id() + ": " + tags);
            assertTrue(Set.of("soft", "moderate", "loud").contains(tags.get(tags.size() - 1)), c.id() + ": " + tags);
        }
    }

    /** Every clip file in the resources is listed in labels.csv (the jar carries no orphans). */
    @Test
    void clipFolderHoldsExactlyTheLabelledClips() throws IOException, URISyntaxException {
        Path dir = Path.of(DemoCorpus.class.getResource(DemoCorpus.ROOT + "clips").toURI());
        Set<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> labelled = CORPUS.clips().stream().map(DemoClip::fileName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(labelled, files);
    }

    @Test
    void extractAllCopiesEveryClipUnchanged(@TempDir Path dir) throws IOException {
        List<Path> files = CORPUS.extractAll(dir.resolve("demo"));
        assertEquals(CORPUS.clips().size(), files.size());
        for (int i = 0; i < files.size(); i++) {
            DemoClip clip = CORPUS.clips().get(i);
            assertEquals(clip.fileName(), files.get(i).getFileName().toString());
            assertArrayEquals(bytes(clip), Files.readAllBytes(files.get(i)), clip.id());
        }
    }

    @Test
    void concurrentExtractionNeverShowsAHalfWrittenClip(@TempDir Path dir) throws Exception {
        DemoClip clip = CORPUS.clips().get(0);
        byte[] expected = bytes(clip);
        Path target = CORPUS.extract(clip, dir);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 200; i++) CORPUS.extract(clip, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                writing.set(false);
            }
        });
        writer.start();
        int reads = 0;
        while (writing.get()) {
            byte[] seen;
            try {
                seen = Files.readAllBytes(target);
            } catch (NoSuchFileException e) {
                seen = null;
            }
            assertArrayEquals(expected, seen, "read #" + reads + " saw a missing or partial clip");
            reads++;
        }
        writer.join();
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(target), left.collect(Collectors.toList()), "temporary files left behind");
        }
    }

    @Test
    void unknownClipIdIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CORPUS.clip("no-such-clip"));
        assertTrue(e.getMessage().contains("no-such-clip"), e.getMessage());
    }

    private static byte[] bytes(DemoClip clip) throws IOException {
        try (InputStream in = CORPUS.open(clip)) {
            return in.readAllBytes();
        }
    }

    private static int lastIndexOf(byte[] data, byte[] pattern) {
        for (int i = data.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) return i;
        }
        throw new AssertionError("no Ogg page");
    }
}
