package org.musicoder.features;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MfccTest {
    private static final FeatureConfig CFG = FeatureConfig.PAPER;

    @ParameterizedTest
    @MethodSource("org.musicoder.features.Fixtures#spectralCases")
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
