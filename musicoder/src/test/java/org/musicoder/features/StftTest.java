package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StftTest {
    private static final FeatureConfig CFG = FeatureConfig.PAPER;

    @ParameterizedTest
    @ValueSource(strings = {"test30_wav", "test10_wav", "synth5"})
    void magnitudeMatchesLibrosa(String clip) {
        String dir = "librosa/" + clip;
        float[][] power = Stft.power(Fixtures.waveform(dir), CFG);
        Fixtures.assertClose(clip + " stft", Fixtures.sqrt(power), Fixtures.load(dir, "stft_mag"), 1e-5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty", "silence", "short300", "one_frame", "two_frames", "frames9", "frames10", "quiet_8bit"})
    void shortAndQuietClipsMatchLibrosa(String clip) {
        String dir = "librosa_edge/" + clip;
        float[] y = Fixtures.waveform(dir);
        float[][] mag = Fixtures.sqrt(Stft.power(y, CFG));
        assertEquals(CFG.frames(y.length), mag[0].length);
        if (clip.equals("silence") || clip.equals("empty")) Fixtures.assertAbsClose(clip, mag, Fixtures.load(dir, "stft_mag"), 0);
        else Fixtures.assertClose(clip + " stft", mag, Fixtures.load(dir, "stft_mag"), 1e-5);
    }

    @ParameterizedTest
    @CsvSource({"1000, 250", "256, 64"})
    void otherFftSizesMatchLibrosa(int nFft, int hop) {
        String dir = "librosa_edge/frames10";
        FeatureConfig cfg = new FeatureConfig(44100, nFft, hop, 12, 20, 128, 9, 144, 24, 32.70319566257483,
                FeatureConfig.CqtVariant.CQT_24_BPO, FeatureConfig.PadMode.CONSTANT, 1e-6, 1e-8);
        float[][] mag = Fixtures.sqrt(Stft.power(Fixtures.waveform(dir), cfg));
        Fixtures.assertClose("n_fft " + nFft + " stft", mag, Fixtures.load(dir, "stft_mag_n" + nFft + "_h" + hop), 1e-5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short300", "one_frame", "frames10"})
    void reflectPaddingMatchesLibrosa(String clip) {
        String dir = "librosa_edge/" + clip;
        float[][] mag = Fixtures.sqrt(Stft.power(Fixtures.waveform(dir), CFG.withPadMode(FeatureConfig.PadMode.REFLECT)));
        Fixtures.assertClose(clip + " stft reflect", mag, Fixtures.load(dir, "stft_mag_reflect"), 1e-5);
    }
}
