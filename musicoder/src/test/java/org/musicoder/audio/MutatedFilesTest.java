package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded mutants of one file per decoder (bits flipped, a run overwritten with noise, the file cut at a random
 * place, a run dropped): each one loads, with finite samples, or fails with a one-line {@link AudioException} naming
 * the file; never another exception, an {@link OutOfMemoryError} or a hang (5 s per file). A black-box check of what no corpus of real files exercises; coverage-guided fuzzing is issue 15's.
 */
class MutatedFilesTest {
    private static final int MUTANTS = 40;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"flac/flac_mid_side_s16.flac", "flac/flac_lpc32_s16.flac", "formats/flac_s24.flac",
            "formats/aiff_s16.aiff", "formats/aifc_sowt16.aifc", "formats/alac_s16.m4a", "formats/alac_s24.m4a",
            "formats/sine_0.1s.opus", "test30_10s_5s.opus", "test30_10s_5s_nopns.m4a", "formats/wav_s24.wav",
            "formats/au_s16.au", "mp3/xing.mp3", "test30.ogg"})
    void everyMutantLoadsOrFailsWithAnAudioException(String fixture) throws Exception {
        byte[] original = Files.readAllBytes(Signals.fixture("audio/" + fixture));
        SplittableRandom random = new SplittableRandom(fixture.hashCode());
        String ext = fixture.substring(fixture.lastIndexOf('.'));
        int failed = 0;
        for (int m = 0; m < MUTANTS; m++) {
            byte[] b = mutate(original, random, m % 4);
            Path p = dir.resolve("mutant" + m + ext);
            Files.write(p, b);
            String what = fixture + " mutant " + m;
            Object outcome = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try {
                    return AudioLoader.load(p, 0, 0);
                } catch (AudioException e) {
                    return e;
                }
            }, what);
            if (outcome instanceof AudioException e) {
                failed++;
                assertEquals(p.toString(), e.file(), what);
                assertFalse(e.getMessage().contains("\n"), what + ": one line: " + e.getMessage());
            } else {
                for (float x : ((Waveform) outcome).samples()) assertTrue(Float.isFinite(x), what + ": sample " + x);
            }
        }
        System.out.printf("%s: %d of %d mutants refused, the rest loaded%n", fixture, failed, MUTANTS);
    }

    /** Kind 0: flip 1-8 random bits; 1: overwrite a run with noise; 2: cut the file; 3: drop a run of bytes. */
    private static byte[] mutate(byte[] a, SplittableRandom r, int kind) {
        byte[] b = a.clone();
        int at = r.nextInt(b.length);
        int run = 1 + r.nextInt(Math.max(1, Math.min(256, b.length - at)));
        switch (kind) {
            case 0 -> {
                for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            }
            case 1 -> {
                for (int i = at; i < at + run && i < b.length; i++) b[i] = (byte) r.nextInt(256);
            }
            case 2 -> b = Arrays.copyOf(b, Math.max(1, at));
            default -> {
                int drop = Math.min(run, b.length - at);
                byte[] c = new byte[Math.max(1, b.length - drop)];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + drop, c, at, b.length - at - drop);
                b = c;
            }
        }
        return b;
    }
}
