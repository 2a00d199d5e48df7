package org.musicoder.datasets.dedup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.musicoder.datasets.DemoClip;
import org.musicoder.datasets.DemoCorpus;

/**
 * Audio for the dedup tests, fingerprinted once per test run.
 * <p>
 * The same recording, independently encoded (see {@code musicoder/src/test/resources/fixtures/README.md}): the 30 s
 * {@code test30.{wav,flac,ogg,mp3}} (44.1 kHz stereo), and excerpts made from it by ffmpeg at known offsets
 * ({@link #EXCERPTS}). Unrelated music: the demo corpus's clips (10 s Ogg Vorbis from other tracks).
 */
final class Fixtures {
    /** The fixture folder, from the datasets module. */
    static final Path AUDIO = Path.of("..", "musicoder", "src", "test", "resources", "fixtures", "audio");

    /** Other copies of test30.wav: file -> where it starts in test30.wav (seconds). */
    static final Map<String, Double> EXCERPTS = Map.of(
            "test30.flac", 0.0, // lossless
            "test30.ogg", 0.0, // Vorbis
            "test30.mp3", 0.0, // MP3
            "gtzan22k.au", 3.0, // 3-11 s, mono 22.05 kHz 16-bit AU, as GTZAN
            "test10_mono22k.wav", 0.0, // first 10 s, mono 22.05 kHz
            "u8_mono.wav", 10.0, // 10-15 s, unsigned 8-bit
            "w48k_s24.wav", 0.0, // first 6 s, 48 kHz 24-bit
            "mp3/xing.mp3", 5.0); // 5-7 s, mono 22.05 kHz, 64 kbit/s MPEG-2 Layer III

    private static final Map<String, Fingerprint> PRINTS = new ConcurrentHashMap<>();
    private static Path demoDir;

    private Fixtures() {}

    /** A fixture file. */
    static Path audio(String name) {
        return AUDIO.resolve(name);
    }

    /** A fixture's fingerprint. */
    static Fingerprint print(String name) {
        return PRINTS.computeIfAbsent(name, n -> {
            try {
                return Fingerprint.of(audio(n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The demo clips: 94 of 10 s, two from each of 47 tracks in 5 styles. */
    static List<DemoClip> demoClips() {
        return DemoCorpus.load().clips();
    }

    /** A demo clip's file (extracted once to a temporary folder). */
    static synchronized Path demoFile(DemoClip clip) {
        try {
            if (demoDir == null) {
                demoDir = Files.createTempDirectory("dedup-demo-");
                demoDir.toFile().deleteOnExit();
            }
            Path f = demoDir.resolve(clip.fileName());
            if (!Files.exists(f)) {
                DemoCorpus.load().extract(clip, demoDir);
                f.toFile().deleteOnExit();
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A demo clip's fingerprint. */
    static Fingerprint print(DemoClip clip) {
        return PRINTS.computeIfAbsent("demo:" + clip.id(), n -> {
            try {
                return Fingerprint.of(demoFile(clip));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The lowest bit error rate over every alignment of {@code b} against {@code a} that compares >= minFrames. */
    static double lowestBitErrorRate(Fingerprint a, Fingerprint b, int minFrames) {
        return bestAlignment(a, b, minFrames)[1];
    }

    /** {offset, bit error rate} of the alignment with the lowest bit error rate (brute force over all offsets). */
    static double[] bestAlignment(Fingerprint a, Fingerprint b, int minFrames) {
        double[] best = {0, Double.POSITIVE_INFINITY};
        for (int off = -b.length(); off <= a.length(); off++) {
            Fingerprint.Alignment al = a.align(b, off);
            if (al.frames() >= minFrames && al.bitErrorRate() < best[1]) best = new double[]{off, al.bitErrorRate()};
        }
        return best;
    }
}
