package org.musicoder.finetune;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.musicoder.model.ClassificationHead;
import org.musicoder.model.ClassifierWeights;
import org.musicoder.model.MusiCoderClassifier;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.Pooling;
import org.musicoder.model.SafeTensors;
import org.musicoder.model.Task;
import org.musicoder.pretrain.Adam;
import org.musicoder.pretrain.StepResult;
import org.musicoder.pretrain.TrainingRun;

/**
 * Trains one {@link MusiCoderClassifier} at one {@link GridPoint}, in one of two modes:
 * <ul>
 *   <li><b>full fine-tuning</b> (the paper's): every weight learns (the encoder's and the head's; pretraining's
 *       reconstruction head is not used and stays as it was); the encoder runs in training mode with the grid's
 *       dropout;</li>
 *   <li><b>linear probe</b> (MARBLE's protocol): the encoder is frozen; each training window's last layer is
 *       pooled once in eval mode (no dropout, no gradients), then only the head (dropout on the pooled vector,
 *       Linear) learns from those vectors.</li>
 * </ul>
 * The optimiser is pretraining's {@link Adam} (0.9, 0.999, eps 1e-6, no weight decay) with the
 * {@link WarmupLinear} schedule peaking at the grid's lr. Data: every training clip is cut into {@link Windows};
 * each epoch visits all windows once in an order shuffled by {@code java.util.Random(seed + epoch)}; a step takes
 * the next {@code batch} windows (the last batch of an epoch may be smaller), padded to the longest with a key
 * padding mask. Seeded: libtorch's generator is seeded from the seed before the weights are made, and again from
 * (seed, step) before each step (dropout). All arrays of a step live in a child manager closed at its end.
 */
public final class FineTuner implements AutoCloseable {
    /** Windows per forward pass when predicting. */
    static final int PREDICT_BATCH = 8;

    private final Engine engine;
    private final NDManager manager;
    private final MusiCoderClassifier model;
    private final GridPoint point;
    private final boolean probe;
    private final long seed;
    private final Map<String, NDArray> trainable = new LinkedHashMap<>();

    /**
     * A classifier with the encoder's weights from pretraining (or freshly initialised) and a new head.
     *
     * @param engine the PyTorch engine ({@code Engines.pytorch(threads)})
     * @param device where to train
     * @param encoder the encoder's size (its dropout is replaced by the grid's)
     * @param pretrained pretraining's {@code model.safetensors}, or null for an encoder initialised from the seed
     * @param task genre or tags
     * @param classes number of classes or tags
     * @param point the hyper-parameters
     * @param probe true for the frozen-encoder linear probe
     * @param pooling how the head summarises a window's frames
     * @param seed seed of the head's (and a fresh encoder's) initial weights, the order and dropout
     * @throws IOException if the pretrained weights cannot be read or do not fit {@code encoder}
     */
    public FineTuner(Engine engine, Device device, MusiCoderConfig encoder, Path pretrained, Task task, int classes,
                     GridPoint point, boolean probe, Pooling pooling, long seed) throws IOException {
        this.engine = engine;
        this.point = point;
        this.probe = probe;
        this.seed = seed;
        MusiCoderConfig c = encoder.withDropout(point.dropout());
        manager = NDManager.newBaseManager(device, engine.getEngineName());
        try {
            JniUtils.setSeed(mix(seed, 1));
            model = new MusiCoderClassifier(c, task, classes, point.dropout(), pooling);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, c.inputDim()));
            if (pretrained != null) ClassifierWeights.loadEncoder(model, pretrained);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
        for (Map.Entry<String, Parameter> e : ClassifierWeights.byTorchName(model).entrySet()) {
            boolean head = e.getKey().startsWith("classifier.");
            boolean reconstruction = e.getKey().startsWith("head.");
            if (head || !(probe || reconstruction)) trainable.put(e.getKey(), e.getValue().getArray());
        }
    }

    /** The model (updated in place by {@link #train}). */
    public MusiCoderClassifier model() {
        return model;
    }

    /**
     * Steps that {@link #train} takes for {@code windows} training windows: {@code epochs * ceil(windows / batch)}.
     *
     * @param windows number of training windows
     * @return the step count
     */
    public long steps(int windows) {
        return (long) point.epochs() * ((windows + point.batch() - 1) / point.batch());
    }

    /**
     * Trains on the examples.
     *
     * @param examples training clips (windows are cut here)
     * @param listener gets every step (may be null); its {@code cells} is the batch's window count
     * @throws IllegalStateException if a loss is not finite
     */
    public void train(List<Example> examples, TrainingRun.Listener listener) {
        int max = model.encoder().config().maxFrames();
        List<float[][]> windows = new ArrayList<>();
        List<float[]> targets = new ArrayList<>();
        for (Example e : examples)
            for (float[][] w : Windows.of(e.frames(), max)) {
                windows.add(w);
                targets.add(e.target());
            }
        List<float[][]> inputs = probe ? pooled(windows) : windows;
        long total = steps(windows.size());
        WarmupLinear schedule = new WarmupLinear(point.lr(), total);
        Adam adam = new Adam(trainable, manager);
        long t0 = System.nanoTime();
        for (int epoch = 0; epoch < point.epochs(); epoch++) {
            int[] order = shuffled(windows.size(), new Random(seed + epoch));
            for (int from = 0; from < order.length; from += point.batch()) {
                int n = Math.min(point.batch(), order.length - from);
                List<float[][]> bw = new ArrayList<>(n);
                List<float[]> bt = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    bw.add(inputs.get(order[from + i]));
                    bt.add(targets.get(order[from + i]));
                }
                long step = adam.step() + 1;
                double lr = schedule.at(step);
                float loss = step(bw, bt, adam, lr, step);
                if (listener != null)
                    listener.stepped(new StepResult(step, loss, lr, n), (System.nanoTime() - t0) / 1e9, total);
            }
        }
    }

    private float step(List<float[][]> windows, List<float[]> targets, Adam adam, double lr, long step) {
        JniUtils.setSeed(mix(seed, 2 + step));
        try (NDManager sm = manager.newSubManager()) {
            NDList in = Batches.padded(sm, windows);
            NDArray y = Batches.targets(sm, targets);
            ParameterStore ps = new ParameterStore(sm, false);
            NDArray loss;
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray logits = probe
                        ? model.head().classify(ps, in.get(0).squeeze(1), true)
                        : model.forward(ps, in, true).head();
                loss = ClassificationLoss.of(model.task(), logits, y);
                gc.backward(loss);
            }
            float value = loss.getFloat();
            if (!Float.isFinite(value)) throw new IllegalStateException("fine-tuning: loss " + value + " at step " + step);
            Map<String, NDArray> grads = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : trainable.entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(sm);
                grads.put(e.getKey(), g);
            }
            adam.update(grads, lr);
            for (NDArray p : trainable.values()) JniUtils.zeroGrad((PtNDArray) p);
            return value;
        }
    }

    /**
     * The probe's inputs: each window's last layer pooled over its frames (the head's {@link Pooling}), in eval
     * mode, as a one-frame "window" {@code [1][P]} that {@link ClassificationHead#classify} takes as it is.
     */
    private List<float[][]> pooled(List<float[][]> windows) {
        List<float[][]> out = new ArrayList<>(windows.size());
        for (int from = 0; from < windows.size(); from += PREDICT_BATCH) {
            List<float[][]> part = windows.subList(from, Math.min(windows.size(), from + PREDICT_BATCH));
            try (NDManager sm = manager.newSubManager()) {
                NDList in = Batches.padded(sm, part);
                NDArray hidden = model.encoder().encode(new ParameterStore(sm, false), in, false);
                float[] p = model.head().pooling().pool(hidden, in.get(1)).toFloatArray();
                int h = p.length / part.size();
                for (int i = 0; i < part.size(); i++) {
                    float[] row = new float[h];
                    System.arraycopy(p, i * h, row, 0, h);
                    out.add(new float[][] {row});
                }
            }
        }
        return out;
    }

    /**
     * Probabilities per clip in eval mode: each clip's windows are run (several per forward pass) and their
     * probabilities averaged ({@link Windows}).
     *
     * @param clips CMVN features, {@code [frames][324]} each
     * @return {@code [clips][C]} probabilities
     */
    public double[][] predict(List<float[][]> clips) {
        return Prediction.run(model, manager, clips, PREDICT_BATCH);
    }

    /**
     * The current weights as Java arrays, by PyTorch name.
     *
     * @return name to tensor
     */
    public Map<String, SafeTensors.Tensor> weights() {
        return ClassifierWeights.tensors(model);
    }

    private static int[] shuffled(int n, Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** SplitMix64's finaliser of {@code a} combined with {@code b}. */
    static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Frees the model's native memory. */
    @Override
    public void close() {
        manager.close();
    }
}
