package org.musicoder.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MelFilterbankTest {
    private static final FeatureConfig CFG = FeatureConfig.PAPER;

    private static FeatureConfig config(int sr, int nFft, int nMels) {
        return new FeatureConfig(sr, nFft, nFft / 2, 12, 20, nMels, 9, 144, 24, 32.70319566257483,
                FeatureConfig.CqtVariant.CQT_24_BPO, FeatureConfig.PadMode.CONSTANT, 1e-6, 1e-8);
    }

    @Test
    void weightsMatchLibrosaFiltersMel() {
        Fixtures.assertClose("mel 44100/2048/128", MelFilterbank.of(CFG).weights(),
                Fixtures.load("librosa_edge/filters", "mel_44100_2048_128"), 1e-6);
        Fixtures.assertClose("mel 16000/512/40", MelFilterbank.of(config(16000, 512, 40)).weights(),
                Fixtures.load("librosa_edge/filters", "mel_16000_512_40"), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"librosa/test30_wav", "librosa/test10_wav", "librosa/synth5", "librosa_edge/short300",
            "librosa_edge/frames10", "librosa_edge/quiet_8bit"})
    void melPowerMatchesLibrosa(String dir) {
        float[][] mel = MelFilterbank.of(CFG).apply(Stft.power(Fixtures.waveform(dir), CFG));
        Fixtures.assertClose(dir + " mel power", mel, Fixtures.load(dir, "mel_power"), 1e-5);
    }

    @Test
    void silenceGivesZeroMelPower() {
        String dir = "librosa_edge/silence";
        float[][] mel = MelFilterbank.of(CFG).apply(Stft.power(Fixtures.waveform(dir), CFG));
        Fixtures.assertAbsClose("silence mel power", mel, Fixtures.load(dir, "mel_power"), 0);
    }
}
