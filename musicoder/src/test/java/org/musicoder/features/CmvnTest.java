package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    /** librosa's 30 s clip (1292 frames) in pieces: each piece is normalised on its own; a short tail joins. */
    @Test
    void piecesAreConsecutiveAndNormalisedOnTheirOwn() {
        float[][] raw = Fixtures.load("librosa/test30_wav", "features_raw").toFloat2d();
        List<float[][]> pieces = Cmvn.pieces(raw, 600, 1e-8);
        assertEquals(2, pieces.size()); // 600, then 692: the 92-frame tail joins
        assertEquals(600, pieces.get(0).length);
        assertEquals(692, pieces.get(1).length);
        float[][] second = Cmvn.apply(Arrays.copyOfRange(raw, 600, raw.length), 1e-8);
        for (int t = 0; t < second.length; t++) assertArrayEquals(second[t], pieces.get(1)[t]);
        assertEquals(List.of(431, 431, 430), Cmvn.pieces(raw, 431, 1e-8).stream().map(p -> p.length).toList());
        assertEquals(1, Cmvn.pieces(raw, 0, 1e-8).size());
        assertEquals(1, Cmvn.pieces(raw, 1000, 1e-8).size()); // shorter than 1.5 pieces: whole
    }
}
