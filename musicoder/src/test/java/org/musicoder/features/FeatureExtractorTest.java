package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musicoder.io.Npy;

class FeatureExtractorTest {
    private static final FeatureConfig CFG = FeatureConfig.PAPER;
    /** Column ranges of the five blocks in features_raw.npy. */
    private static final int[][] BLOCKS = {{0, 12}, {12, 32}, {32, 52}, {52, 180}, {180, 324}};
    private static final String[] NAMES = {"chroma", "mfcc", "mfcc_delta", "log_mel", "log_cqt"};

    /**
     * Assembly and CMVN with librosa's own CQT magnitude (the project's Cqt is tested on its own): every block of
     * the raw and normalised matrices against features_raw.npy / features_cmvn.npy.
     */
    @ParameterizedTest
    @ValueSource(strings = {"test30_wav", "test10_wav", "synth5", "test10_mono22k"})
    void assemblyAndCmvnMatchLibrosaGivenItsCqt(String clip) {
        String dir = "librosa/" + clip;
        Features f = new FeatureExtractor().extract(Fixtures.waveform(dir), CFG, librosaCqtMagnitude(dir));
        assertBlocksClose(clip + " raw", f.raw(), Fixtures.load(dir, "features_raw"), 0, 5);
        assertBlocksClose(clip + " cmvn", f.cmvn(), Fixtures.load(dir, "features_cmvn"), 0, 5);
    }

    /** The whole pipeline from the waveform, the spectral columns 0..179 and the CQT columns 180..323 separately. */
    @ParameterizedTest
    @ValueSource(strings = {"test30_wav", "test10_wav", "synth5", "test10_mono22k"})
    void fullExtractionMatchesLibrosa(String clip) {
        String dir = "librosa/" + clip;
        Features f = new FeatureExtractor().extract(Fixtures.waveform(dir), CFG);
        float[][] raw = f.raw();
        float[][] cmvn = f.cmvn();
        assertBlocksClose(clip + " raw", raw, Fixtures.load(dir, "features_raw"), 0, 4);
        assertBlocksClose(clip + " cmvn", cmvn, Fixtures.load(dir, "features_cmvn"), 0, 4);
        assertBlocksClose(clip + " raw", raw, Fixtures.load(dir, "features_raw"), 4, 5);
        // CMVN divides each column by its std: near-constant CQT columns (synth5's empty low bins) amplify the raw
        // error, so after CMVN the CQT columns are held to 1e-2.
        assertBlocksClose(clip + " cmvn", cmvn, Fixtures.load(dir, "features_cmvn"), 4, 5, 1e-2);
    }

    @Test
    void timingSinkSeesEverySpectralStage() {
        Map<FeatureExtractor.Stage, Long> seen = new EnumMap<>(FeatureExtractor.Stage.class);
        String dir = "librosa/synth5";
        new FeatureExtractor(seen::put).extract(Fixtures.waveform(dir), CFG, librosaCqtMagnitude(dir));
        for (FeatureExtractor.Stage s : FeatureExtractor.Stage.values())
            if (s != FeatureExtractor.Stage.CQT) assertTrue(seen.containsKey(s) && seen.get(s) >= 0, s + " timed");
    }

    /** Two threads share one extractor (and the cached plans and filterbanks); both must still match librosa. */
    @Test
    void sharedExtractorIsThreadSafe() throws Exception {
        FeatureExtractor shared = new FeatureExtractor();
        String[] dirs = {"librosa/test10_wav", "librosa/synth5"};
        double[][][] cqt = {librosaCqtMagnitude(dirs[0]), librosaCqtMagnitude(dirs[1])};
        float[][] y = {Fixtures.waveform(dirs[0]), Fixtures.waveform(dirs[1])};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<float[][]>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int c = i % 2;
                runs.add(pool.submit(() -> shared.extract(y[c], CFG, cqt[c]).raw()));
            }
            for (int i = 0; i < runs.size(); i++)
                assertBlocksClose(dirs[i % 2] + " run " + i, runs.get(i).get(), Fixtures.load(dirs[i % 2], "features_raw"), 0, 5);
        } finally {
            pool.shutdown();
        }
    }

    /** librosa's |CQT| (cqt_mag.npy), or recovered from its log_cqt.npy where the magnitude was not dumped. */
    private static double[][] librosaCqtMagnitude(String dir) {
        if (Fixtures.exists(dir, "cqt_mag")) return LogMelTest.toDouble(Fixtures.load(dir, "cqt_mag").toFloat2d());
        float[][] log = Fixtures.load(dir, "log_cqt").toFloat2d();
        double[][] mag = new double[log.length][log[0].length];
        for (int r = 0; r < log.length; r++)
            for (int c = 0; c < log[r].length; c++) mag[r][c] = Math.max(0.0, (Math.exp(log[r][c]) - CFG.eps()) / 10.0);
        return mag;
    }

    private static void assertBlocksClose(String what, float[][] ours, Npy.Array ref, int fromBlock, int toBlock) {
        assertBlocksClose(what, ours, ref, fromBlock, toBlock, 1e-3);
    }

    /** Blocks 0..3 within 1e-4, the log-CQT (block 4) within {@code cqtLimit}, relative Frobenius error. */
    private static void assertBlocksClose(String what, float[][] ours, Npy.Array ref, int fromBlock, int toBlock,
                                          double cqtLimit) {
        assertArrayEquals(ref.shape(), new int[] {ours.length, ours[0].length}, what + ": shape");
        for (int b = fromBlock; b < toBlock; b++) {
            double err = Fixtures.relErr(ours, ref, BLOCKS[b][0], BLOCKS[b][1]);
            double limit = b == 4 ? cqtLimit : 1e-4; // the bounds: 1e-3 for log-CQT, 1e-4 for the others
            assertTrue(err <= limit, what + " " + NAMES[b] + ": relative Frobenius error " + err);
        }
    }
}
