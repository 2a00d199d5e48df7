package org.musicoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Element-wise operations between an array and a number that are safe under autograd. DJL's own
 * {@code NDArray.mul(Number)}, {@code div(Number)}, {@code minimum(Number)} and {@code maximum(Number)} (PyTorch
 * engine, 0.36) wrap the number in a 0-d tensor whose storage is a Java direct buffer ({@code torch::from_blob})
 * and close that tensor right after the operation; autograd keeps the tensor for the backward pass (to multiply by
 * or compare with it), and once a garbage collection has freed the buffer the backward pass reads freed memory:
 * wrong gradients (seen: NaN weights, losses off in the 4th digit) that depend on when the collector ran. Here the
 * number lives in a 0-d tensor allocated by libtorch ({@code NDManager.full}), which autograd's reference keeps
 * alive after the Java handle is closed. The values computed are the same as DJL's (float32 scalars).
 */
public final class Scalars {
    private Scalars() {}

    /**
     * {@code x + v}.
     *
     * @param x any array
     * @param v the addend
     * @return a new array of x's shape, owned by x's manager
     */
    public static NDArray add(NDArray x, float v) {
        try (NDArray s = of(x, v)) {
            return x.add(s);
        }
    }

    /**
     * {@code x * v}.
     *
     * @param x any array
     * @param v the factor
     * @return a new array of x's shape, owned by x's manager
     */
    public static NDArray mul(NDArray x, float v) {
        try (NDArray s = of(x, v)) {
            return x.mul(s);
        }
    }

    /**
     * {@code x / v}.
     *
     * @param x any array
     * @param v the divisor
     * @return a new array of x's shape, owned by x's manager
     */
    public static NDArray div(NDArray x, float v) {
        try (NDArray s = of(x, v)) {
            return x.div(s);
        }
    }

    /**
     * {@code min(x, v)} element-wise (torch's {@code minimum}, also in its gradient).
     *
     * @param x any array
     * @param v the cap
     * @return a new array of x's shape, owned by x's manager
     */
    public static NDArray minimum(NDArray x, float v) {
        try (NDArray s = of(x, v)) {
            return x.minimum(s);
        }
    }

    /**
     * {@code max(x, v)} element-wise (torch's {@code maximum}, also in its gradient).
     *
     * @param x any array
     * @param v the floor
     * @return a new array of x's shape, owned by x's manager
     */
    public static NDArray maximum(NDArray x, float v) {
        try (NDArray s = of(x, v)) {
            return x.maximum(s);
        }
    }

    /** A 0-d tensor holding v in libtorch's memory, of x's type and device. */
    private static NDArray of(NDArray x, float v) {
        return x.getManager().full(new Shape(), v, x.getDataType(), x.getDevice());
    }
}
