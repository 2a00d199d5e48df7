package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChromaTest {
    private static final FeatureConfig CFG = FeatureConfig.PAPER;

    @Test
    void filterbankMatchesLibrosaFiltersChroma() {
        Fixtures.assertClose("chroma 44100/2048/12", Chroma.of(CFG).weights(),
                Fixtures.load("librosa_edge/filters", "chroma_44100_2048_12"), 1e-6);
        FeatureConfig other = new FeatureConfig(22050, 1024, 512, 12, 20, 128, 9, 144, 24, 32.70319566257483,
                FeatureConfig.CqtVariant.CQT_24_BPO, FeatureConfig.PadMode.CONSTANT, 1e-6, 1e-8);
        Fixtures.assertClose("chroma 22050/1024/12", Chroma.of(other).weights(),
                Fixtures.load("librosa_edge/filters", "chroma_22050_1024_12"), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"librosa/test30_wav", "librosa/test10_wav", "librosa/synth5", "librosa/test10_mono22k",
            "librosa_edge/short300", "librosa_edge/one_frame", "librosa_edge/frames9", "librosa_edge/quiet_8bit"})
    void chromaMatchesLibrosa(String dir) {
        float[][] chroma = Chroma.of(CFG).apply(Stft.power(Fixtures.waveform(dir), CFG));
        Fixtures.assertClose(dir + " chroma", chroma, Fixtures.load(dir, "chroma"), 1e-4);
    }

    @Test
    void silentFramesStayZero() {
        for (String dir : new String[] {"librosa_edge/silence", "librosa_edge/empty"}) {
            float[][] chroma = Chroma.of(CFG).apply(Stft.power(Fixtures.waveform(dir), CFG));
            Fixtures.assertAbsClose(dir + " chroma", chroma, Fixtures.load(dir, "chroma"), 0);
        }
        // quiet_8bit starts with 0.3 s of digital silence: librosa leaves those frames at 0, the rest peak at 1
        float[][] quiet = Chroma.of(CFG).apply(Stft.power(Fixtures.waveform("librosa_edge/quiet_8bit"), CFG));
        float[][] ref = Fixtures.load("librosa_edge/quiet_8bit", "chroma").toFloat2d();
        for (int t = 0; t < ref[0].length; t++) {
            float max = 0;
            float refMax = 0;
            for (int c = 0; c < 12; c++) {
                max = Math.max(max, quiet[c][t]);
                refMax = Math.max(refMax, ref[c][t]);
            }
            assertEquals(refMax, max, 0f, "frame " + t + " maximum");
        }
    }
}
