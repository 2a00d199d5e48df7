package org.musicoder.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba) on NDArrays, in the form of {@code torch.optim.Adam} (no weight decay, no amsgrad), with
 * its whole state readable and settable so that a checkpoint can hold it. Per parameter {@code p} with gradient
 * {@code g}, at step {@code t} (from 1):
 * <pre>
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   p = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * Parameters and moments are updated in place by libtorch's fused update that DJL exposes
 * ({@code JniUtils.adamUpdate}: one native call per parameter instead of a dozen), which computes
 * {@code p -= c m / (sqrt(v) + e)}; with {@code c = lr sqrt(1 - beta2^t) / (1 - beta1^t)} and
 * {@code e = eps sqrt(1 - beta2^t)} that is the update above, multiplied through by {@code sqrt(1 - beta2^t)}.
 * Its other arguments: weight decay 0, gradient rescale 1, clipping -1 (off), not AdamW (its {@code lr} argument
 * is then unused). (Reverted once after resumed runs gave NaN: the cause was not this update but freed scalars in
 * the backward pass, see {@link org.musicoder.model.Scalars}.)
 */
public final class Adam {
    /** Decay of the first moment. */
    public static final float BETA1 = 0.9f;
    /** Decay of the second moment. */
    public static final float BETA2 = 0.999f;
    /** Added to the denominator. */
    public static final float EPS = 1e-6f;

    private final Map<String, NDArray> params;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private long step;

    /**
     * Zero moments, step 0.
     *
     * @param params the parameters by name (updated in place)
     * @param manager owns the moments (the model's manager, so they live on its device)
     */
    public Adam(Map<String, NDArray> params, NDManager manager) {
        this.params = new LinkedHashMap<>(params);
        params.forEach((name, p) -> {
            m.put(name, manager.zeros(p.getShape(), p.getDataType(), p.getDevice()));
            v.put(name, manager.zeros(p.getShape(), p.getDataType(), p.getDevice()));
        });
    }

    /** Steps taken so far. */
    public long step() {
        return step;
    }

    /**
     * One update.
     *
     * @param grads gradient of each parameter, by the same names (PyTorch engine arrays)
     * @param lr learning rate of this step
     */
    public void update(Map<String, NDArray> grads, double lr) {
        step++;
        double sqrtBias2 = Math.sqrt(1 - Math.pow(BETA2, step));
        float stepSize = (float) (lr * sqrtBias2 / (1 - Math.pow(BETA1, step)));
        float eps = (float) (EPS * sqrtBias2);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray g = grads.get(e.getKey());
            if (g == null) throw new IllegalArgumentException("Adam: no gradient for " + e.getKey());
            JniUtils.adamUpdate((PtNDArray) e.getValue(), (PtNDArray) g, (PtNDArray) m.get(e.getKey()),
                    (PtNDArray) v.get(e.getKey()), (float) lr, stepSize, 0f, 1f, -1f, BETA1, BETA2, eps, false);
        }
    }

    /**
     * The state as Java arrays (for a checkpoint).
     *
     * @return first moments by parameter name, second moments by name (values in C order), and the step
     */
    public State state() {
        Map<String, float[]> ms = new LinkedHashMap<>();
        Map<String, float[]> vs = new LinkedHashMap<>();
        m.forEach((k, a) -> ms.put(k, a.toFloatArray()));
        v.forEach((k, a) -> vs.put(k, a.toFloatArray()));
        return new State(ms, vs, step);
    }

    /**
     * Sets the state from {@link #state()}'s values.
     *
     * @param state moments for every parameter (same sizes) and the step
     * @throws IllegalArgumentException if a moment is missing or has the wrong size
     */
    public void restore(State state) {
        for (String name : params.keySet()) {
            set(m.get(name), state.m().get(name), "m." + name);
            set(v.get(name), state.v().get(name), "v." + name);
        }
        step = state.step();
    }

    private static void set(NDArray target, float[] values, String what) {
        if (values == null || values.length != target.size())
            throw new IllegalArgumentException("Adam state: " + what + (values == null ? " is missing" : " has " + values.length
                    + " values, not " + target.size()));
        target.set(java.nio.FloatBuffer.wrap(values));
    }

    /**
     * Adam's state.
     *
     * @param m first moments by parameter name
     * @param v second moments by parameter name
     * @param step steps taken
     */
    public record State(Map<String, float[]> m, Map<String, float[]> v, long step) {}
}
