package org.musicoder.pretrain;

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
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musicoder.masking.MaskRng;
import org.musicoder.masking.Masker;
import ai.djl.util.PairList;
import org.musicoder.model.InputProjection;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.MusiCoderModel;
import org.musicoder.model.SafeTensors;

/**
 * The pretraining step (paper 3.3) and its state. Each {@link #step()}: draw a batch of crops, mask it, seed
 * libtorch's generator from (seed, step) for dropout, run the model in training mode, take the masked Huber loss
 * against the original frames, backpropagate, optionally clip the gradients' global norm, and update with
 * {@link Adam} at the {@link LearningRate} of the step. All arrays of a step live in a child manager closed at
 * its end. The state after any step is a {@link Checkpoint}; a trainer built from it continues with the same
 * batches, masks, dropout and (with one PyTorch thread) the same losses bit for bit.
 */
public final class Pretrainer implements AutoCloseable {
    private final Engine engine;
    private final NDManager manager;
    private final MusiCoderModel model;
    private final PretrainOptions options;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final Adam adam;
    private final LearningRate schedule;
    private final Masker masker;
    private final MaskRng maskRng;
    private final Crops crops;
    private final String data;
    private double seconds;

    private Pretrainer(Engine engine, Device device, MusiCoderConfig config, PretrainOptions options, List<float[][]> clips) {
        if (options.maxFrames() > config.maxFrames())
            throw new IllegalArgumentException("pretraining: crops of up to " + options.maxFrames()
                    + " frames exceed the model's max_frames " + config.maxFrames());
        for (int i = 0; i < clips.size(); i++)
            if (clips.get(i).length > 0 && clips.get(i)[0].length != config.inputDim())
                throw new IllegalArgumentException("pretraining: clip " + i + " has " + clips.get(i)[0].length
                        + " features per frame, the model takes " + config.inputDim());
        this.engine = engine;
        this.options = options;
        data = describe(clips);
        crops = new Crops(clips, options.batch(), options.minFrames(), options.maxFrames(), new MaskRng(Seeds.data(options.seed())),
                options.cropCmvn());
        manager = NDManager.newBaseManager(device, engine.getEngineName());
        JniUtils.setSeed(Seeds.init(options.seed()));
        model = new MusiCoderModel(config);
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, config.inputDim()));
        for (Map.Entry<String, Parameter> e : ModelWeights.byTorchName(model).entrySet())
            params.put(e.getKey(), e.getValue().getArray());
        adam = new Adam(params, manager);
        schedule = options.schedule(config.hidden());
        masker = new Masker(options.objective(), options.ccm());
        maskRng = new MaskRng(Seeds.mask(options.seed()));
    }

    /**
     * A new run: weights initialised like PyTorch's defaults from the seed, Adam at step 0.
     *
     * @param engine the PyTorch engine ({@code Engines.pytorch(threads)})
     * @param device where the model lives
     * @param config the model's size
     * @param options the recipe
     * @param clips CMVN features of the training clips, {@code [frames][324]} each
     * @return the trainer
     */
    public static Pretrainer start(Engine engine, Device device, MusiCoderConfig config, PretrainOptions options,
                                   List<float[][]> clips) {
        return new Pretrainer(engine, device, config, options, clips);
    }

    /**
     * Continues a run from its checkpoint (the clips must be the same, in the same order, for identical batches).
     *
     * @param engine the PyTorch engine
     * @param device where the model lives
     * @param checkpoint the saved state
     * @param clips CMVN features of the training clips
     * @return the trainer, at the checkpoint's step
     * @throws IllegalArgumentException if the checkpoint's weights do not fit its configuration
     */
    public static Pretrainer resume(Engine engine, Device device, Checkpoint checkpoint, List<float[][]> clips) {
        Pretrainer p = new Pretrainer(engine, device, checkpoint.config(), checkpoint.options(), clips);
        try {
            for (Map.Entry<String, NDArray> e : p.params.entrySet()) {
                SafeTensors.Tensor t = checkpoint.weights().get(e.getKey());
                if (t == null || !Arrays.equals(t.shape(), e.getValue().getShape().getShape()))
                    throw new IllegalArgumentException("checkpoint: weight " + e.getKey()
                            + (t == null ? " is missing" : " has shape " + Arrays.toString(t.shape())));
                e.getValue().set(FloatBuffer.wrap(t.data()));
            }
            if (checkpoint.weights().size() != p.params.size())
                throw new IllegalArgumentException("checkpoint: " + checkpoint.weights().size() + " weights, the model has " + p.params.size());
            p.adam.restore(checkpoint.adam());
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        if (!checkpoint.data().equals(p.data)) {
            p.close();
            throw new IllegalArgumentException("checkpoint: made on " + checkpoint.data() + ", the data given are " + p.data);
        }
        p.maskRng.restore(checkpoint.maskState());
        p.crops.rng().restore(checkpoint.dataState());
        p.seconds = checkpoint.seconds();
        return p;
    }

    /** The model (its parameters are updated in place). */
    public MusiCoderModel model() {
        return model;
    }

    /** The recipe. */
    public PretrainOptions options() {
        return options;
    }

    /** Steps done. */
    public long steps() {
        return adam.step();
    }

    /** Training time so far in seconds, over all runs, as counted by {@link #addSeconds}. */
    public double seconds() {
        return seconds;
    }

    /** Adds wall time spent training (the caller measures it). */
    public void addSeconds(double s) {
        seconds += s;
    }

    /**
     * Draws the next batch: crops, then their masks (advances both generators, as {@link #step()} does).
     *
     * @return the masked batch
     */
    public StepBatch nextBatch() {
        Batch batch = crops.next();
        StepBatch b = StepBatch.of(batch, masker.maskBatch(batch.frames(), batch.lengths(), maskRng));
        if (!options.positionShift()) return b;
        return b.at(crops.rng().nextInt(model.config().maxFrames() - batch.rows() + 1));
    }

    /**
     * One training step on the next batch ({@link #nextBatch()}, then {@link #step(NDList)}).
     *
     * @return its number, loss and learning rate
     * @throws IllegalStateException if the loss is not finite
     */
    public StepResult step() {
        StepBatch batch = nextBatch();
        try (NDManager sm = manager.newSubManager()) {
            return step(batch.toArrays(sm), batch.offset());
        }
    }

    /**
     * One training step on a batch already on the device: seed dropout from (seed, step), forward in training
     * mode, masked Huber loss, backward, optional clipping, Adam, zeroed gradients.
     *
     * @param batch {@link StepBatch#toArrays}'s arrays: input, loss cells, masked target and optionally padding
     *     (left to their manager: the step may be repeated on the same batch)
     * @return its number, loss and learning rate
     * @throws IllegalStateException if the loss is not finite
     */
    public StepResult step(NDList batch) {
        return step(batch, 0);
    }

    /**
     * As {@link #step(NDList)}, with the batch's positions starting at {@code offset} ({@link StepBatch#offset()}).
     */
    public StepResult step(NDList batch, int offset) {
        long step = adam.step() + 1;
        JniUtils.setSeed(Seeds.dropout(options.seed(), step));
        double lr = schedule.at(step);
        try (NDManager sm = manager.newSubManager()) {
            // results of operations belong to their input's manager: lend the batch to the step's manager so
            // that every temporary is freed with it (the batch returns to its own manager afterwards)
            for (NDArray a : batch) a.tempAttach(sm);
            NDList in = batch.size() > 3 ? new NDList(batch.get(0), batch.get(3)) : new NDList(batch.get(0));
            NDArray loss;
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDList out = model.forward(new ParameterStore(sm, false), in, true,
                        offset == 0 ? null : new PairList<>(List.of(InputProjection.POSITION_OFFSET), List.of(offset)));
                loss = MaskedHuber.loss(out.get(1), batch.get(1), batch.get(2));
                gc.backward(loss);
            }
            float value = loss.getFloat();
            if (!Float.isFinite(value)) throw new IllegalStateException("pretraining: loss " + value + " at step " + step);
            Map<String, NDArray> grads = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(sm);
                grads.put(e.getKey(), g);
            }
            if (options.clipNorm() > 0) clip(grads, options.clipNorm());
            adam.update(grads, lr);
            for (NDArray p : params.values()) JniUtils.zeroGrad((PtNDArray) p);
            return new StepResult(step, value, lr, batch.get(2).size());
        }
    }

    /** torch's {@code clip_grad_norm_}: scales every gradient by {@code max / (norm + 1e-6)} when the norm exceeds max. */
    private static void clip(Map<String, NDArray> grads, double max) {
        double sq = 0;
        for (NDArray g : grads.values()) sq += g.mul(g).sum().getFloat();
        double norm = Math.sqrt(sq);
        if (norm > max) {
            float scale = (float) (max / (norm + 1e-6));
            for (NDArray g : grads.values()) g.muli(scale);
        }
    }

    /**
     * The state after the steps done so far.
     *
     * @return a checkpoint (Java copies of every array)
     */
    public Checkpoint checkpoint() {
        Map<String, SafeTensors.Tensor> weights = new LinkedHashMap<>();
        params.forEach((name, a) -> weights.put(name, new SafeTensors.Tensor(a.getShape().getShape(), a.toFloatArray())));
        return new Checkpoint(model.config(), options, adam.step(), seconds, maskRng.state(), crops.rng().state(),
                data, weights, adam.state());
    }

    /**
     * A summary of training clips that tells different data apart: count, frames, and a hash of every value.
     *
     * @param clips the clips
     * @return e.g. {@code 54 clips, 23274 frames, hash 1f2e...}
     */
    public static String describe(List<float[][]> clips) {
        long frames = 0;
        long hash = 1;
        for (float[][] c : clips) {
            frames += c.length;
            for (float[] row : c) hash = 31 * hash + Arrays.hashCode(row);
        }
        return clips.size() + " clips, " + frames + " frames, hash " + Long.toHexString(hash);
    }

    /** Frees the model's native memory. */
    @Override
    public void close() {
        manager.close();
    }
}
