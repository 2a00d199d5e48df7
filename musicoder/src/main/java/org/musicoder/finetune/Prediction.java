package org.musicoder.finetune;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.musicoder.model.MusiCoderClassifier;

/** Eval-mode predictions of a classifier, with the {@link Windows} rule for long clips. */
final class Prediction {
    private Prediction() {}

    /**
     * @param model an initialised classifier
     * @param manager the manager owning its parameters
     * @param clips CMVN features {@code [frames][324]} each, at least one frame
     * @param batch windows per forward pass
     * @return {@code [clips][C]} probabilities, each the mean over the clip's windows
     */
    static double[][] run(MusiCoderClassifier model, NDManager manager, List<float[][]> clips, int batch) {
        int max = model.encoder().config().maxFrames();
        List<float[][]> windows = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int c = 0; c < clips.size(); c++) {
            if (clips.get(c).length == 0) throw new IllegalArgumentException("clip " + c + " has no frames");
            for (float[][] w : Windows.of(clips.get(c), max)) {
                windows.add(w);
                owner.add(c);
            }
        }
        List<List<double[]>> perClip = new ArrayList<>();
        for (int c = 0; c < clips.size(); c++) perClip.add(new ArrayList<>());
        for (int from = 0; from < windows.size(); from += batch) {
            List<float[][]> part = windows.subList(from, Math.min(windows.size(), from + batch));
            try (NDManager sm = manager.newSubManager()) {
                NDList in = Batches.padded(sm, part);
                float[] logits = model.forward(new ParameterStore(sm, false), in, false).head().toFloatArray();
                int k = logits.length / part.size();
                for (int i = 0; i < part.size(); i++) {
                    float[] row = new float[k];
                    System.arraycopy(logits, i * k, row, 0, k);
                    perClip.get(owner.get(from + i)).add(model.task().probabilities(row));
                }
            }
        }
        double[][] p = new double[clips.size()][];
        for (int c = 0; c < clips.size(); c++) p[c] = Windows.average(perClip.get(c));
        return p;
    }
}
