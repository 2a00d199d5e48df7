package org.musicoder.features;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogMelTest {
    private static final FeatureConfig CFG = FeatureConfig.PAPER;

    @ParameterizedTest
    @MethodSource("org.musicoder.features.Fixtures#spectralCases")
    void logMelMatchesLibrosa(String dir) {
        float[][] mel = MelFilterbank.of(CFG).apply(Stft.power(Fixtures.waveform(dir), CFG));
        Fixtures.assertClose(dir + " log-mel", LogMel.of(mel, CFG.eps()), Fixtures.load(dir, "log_mel"), 1e-4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"librosa/test30_wav", "librosa/test10_wav", "librosa/synth5"})
    void logCqtOfLibrosaMagnitudeMatches(String dir) {
        double[][] mag = toDouble(Fixtures.load(dir, "cqt_mag").toFloat2d());
        Fixtures.assertClose(dir + " log-cqt", LogMel.of(mag, CFG.eps()), Fixtures.load(dir, "log_cqt"), 1e-6);
    }

    static double[][] toDouble(float[][] m) {
        double[][] d = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            d[r] = new double[m[r].length];
            for (int c = 0; c < d[r].length; c++) d[r][c] = m[r][c];
        }
        return d;
    }
}
