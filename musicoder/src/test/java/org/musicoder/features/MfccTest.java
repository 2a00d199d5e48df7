package org.musicoder.features;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MfccTest {
    private static final FeatureConfig CFG = FeatureConfig.PAPER;

    @ParameterizedTest
    @ValueSource(strings = {"librosa/test30_wav", "librosa/test10_wav", "librosa/synth5", "librosa/test10_mono22k",
            "librosa_edge/empty", "librosa_edge/silence", "librosa_edge/short300", "librosa_edge/one_frame", "librosa_edge/two_frames",
            "librosa_edge/frames9", "librosa_edge/frames10", "librosa_edge/quiet_8bit"})
    void mfccMatchesLibrosa(String dir) {
        float[][] mel = MelFilterbank.of(CFG).apply(Stft.power(Fixtures.waveform(dir), CFG));
        Fixtures.assertClose(dir + " mfcc", Mfcc.fromMelPower(mel, CFG.nMfcc()), Fixtures.load(dir, "mfcc"), 1e-4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"librosa/test30_wav", "librosa/synth5", "librosa_edge/quiet_8bit"})
    void mfccOfLibrosasMelPowerMatches(String dir) {
        float[][] mel = Fixtures.load(dir, "mel_power").toFloat2d();
        Fixtures.assertClose(dir + " mfcc from librosa mel", Mfcc.fromMelPower(mel, CFG.nMfcc()),
                Fixtures.load(dir, "mfcc"), 1e-5);
    }
}
