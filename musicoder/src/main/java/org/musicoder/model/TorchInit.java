package org.musicoder.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.initializer.XavierInitializer;

/** PyTorch's default initialisations, so that a model starts where the PyTorch twin would. */
final class TorchInit {
    private TorchInit() {}

    /**
     * {@code nn.Linear}'s default: weight and bias uniform in {@code [-1/sqrt(in), 1/sqrt(in)]}
     * (kaiming_uniform with a = sqrt(5)).
     *
     * @param linear a linear block
     * @param in its input size
     */
    static void linear(Block linear, long in) {
        UniformInitializer u = new UniformInitializer((float) (1 / Math.sqrt(in)));
        linear.setInitializer(u, Parameter.Type.WEIGHT);
        linear.setInitializer(u, Parameter.Type.BIAS);
    }

    /**
     * {@code nn.MultiheadAttention}'s: the packed q/k/v weight Xavier-uniform over its [3H, H] shape
     * (bound sqrt(6 / (H + 3H))), and zero biases; the output projection's weight as {@link #linear}.
     *
     * @param inProj the packed q/k/v projection
     * @param outProj the output projection
     * @param hidden H
     */
    static void attention(Block inProj, Block outProj, long hidden) {
        inProj.setInitializer(new XavierInitializer(
                XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3), Parameter.Type.WEIGHT);
        inProj.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        outProj.setInitializer(new UniformInitializer((float) (1 / Math.sqrt(hidden))), Parameter.Type.WEIGHT);
        outProj.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    }
}
