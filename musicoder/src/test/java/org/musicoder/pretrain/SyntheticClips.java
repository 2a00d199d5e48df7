package org.musicoder.pretrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Learnable stand-ins for CMVN features: each clip is a sum of a few slow sinusoids over time, each spread over
 * the 324 channels by a random loading, plus a little noise. Masked frames can be inferred from their
 * neighbours and masked channels from the other channels.
 */
final class SyntheticClips {
    private SyntheticClips() {}

    static List<float[][]> make(long seed, int clips, int frames) {
        Random r = new Random(seed);
        int comps = 4;
        float[][] loadings = new float[comps][324];
        for (float[] l : loadings) for (int d = 0; d < 324; d++) l[d] = (float) r.nextGaussian();
        List<float[][]> out = new ArrayList<>();
        for (int c = 0; c < clips; c++) {
            double[] freq = new double[comps];
            double[] phase = new double[comps];
            for (int k = 0; k < comps; k++) {
                freq[k] = 0.02 + 0.1 * r.nextDouble();
                phase[k] = 2 * Math.PI * r.nextDouble();
            }
            float[][] x = new float[frames][324];
            for (int t = 0; t < frames; t++)
                for (int k = 0; k < comps; k++) {
                    float s = (float) (Math.sin(2 * Math.PI * freq[k] * t + phase[k]) / Math.sqrt(comps));
                    for (int d = 0; d < 324; d++) x[t][d] += s * loadings[k][d];
                }
            for (float[] row : x) for (int d = 0; d < 324; d++) row[d] += 0.05f * (float) r.nextGaussian();
            out.add(x);
        }
        return out;
    }
}
