package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeltaTest {
    private static final FeatureConfig CFG = FeatureConfig.PAPER;

    /** Delta of librosa's own MFCC against librosa's delta (>= 9 frames) or scipy's savgol fallback (2..8). */
    @ParameterizedTest
    @ValueSource(strings = {"librosa/test30_wav", "librosa/test10_wav", "librosa/synth5", "librosa/test10_mono22k",
            "librosa_edge/two_frames", "librosa_edge/frames9", "librosa_edge/frames10", "librosa_edge/quiet_8bit"})
    void deltaOfLibrosaMfccMatches(String dir) {
        float[][] mfcc = Fixtures.load(dir, "mfcc").toFloat2d();
        Fixtures.assertClose(dir + " delta", Delta.of(mfcc, CFG.deltaWidth()), Fixtures.load(dir, "mfcc_delta"), 1e-5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"librosa/test30_wav", "librosa/test10_wav", "librosa/synth5", "librosa/test10_mono22k",
            "librosa_edge/frames9", "librosa_edge/quiet_8bit"})
    void deltaFromWaveformMatches(String dir) {
        float[][] mel = MelFilterbank.of(CFG).apply(Stft.power(Fixtures.waveform(dir), CFG));
        float[][] delta = Delta.of(Mfcc.fromMelPower(mel, CFG.nMfcc()), CFG.deltaWidth());
        Fixtures.assertClose(dir + " delta", delta, Fixtures.load(dir, "mfcc_delta"), 1e-4);
    }

    @Test
    void silenceHasNoDelta() {
        String dir = "librosa_edge/silence";
        float[][] mfcc = Fixtures.load(dir, "mfcc").toFloat2d();
        // librosa's float32 savgol leaves ~1e-5 of rounding noise on a constant input
        Fixtures.assertAbsClose("silence delta", Delta.of(mfcc, CFG.deltaWidth()), Fixtures.load(dir, "mfcc_delta"), 1e-4);
    }

    @Test
    void singleFrameHasZeroDelta() {
        float[][] mfcc = Fixtures.load("librosa_edge/one_frame", "mfcc").toFloat2d();
        float[][] delta = Delta.of(mfcc, CFG.deltaWidth());
        for (float[] row : delta) assertEquals(0f, row[0]);
    }
}
