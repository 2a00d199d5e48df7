package org.musicoder.features;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musicoder.io.Npy;

class CmvnTest {
    /** CMVN of librosa's raw matrix against the reference's CMVN (all 324 columns, independent of our blocks). */
    @ParameterizedTest
    @ValueSource(strings = {"test30_wav", "test10_wav", "synth5", "test10_mono22k"})
    void cmvnOfLibrosaRawMatches(String clip) {
        String dir = "librosa/" + clip;
        float[][] cmvn = Cmvn.apply(Fixtures.load(dir, "features_raw").toFloat2d(), FeatureConfig.PAPER.stdFloor());
        Npy.Array ref = Fixtures.load(dir, "features_cmvn");
        Fixtures.assertClose(clip + " cmvn", cmvn, ref, 1e-6);
        // a constant column (synth5's chroma C is 1 in every frame) must come out as exactly 0
        Fixtures.assertAbsClose(clip + " cmvn", cmvn, ref, 1e-4);
    }
}
