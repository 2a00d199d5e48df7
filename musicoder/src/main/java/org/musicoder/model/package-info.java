/**
 * The MusiCoder encoder on DJL's PyTorch engine: configurations ({@link org.musicoder.model.MusiCoderConfig}),
 * the engine and device ({@link org.musicoder.model.Engines}), the blocks (input projection with sinusoidal
 * positions, post-LayerNorm encoder layers with the math of {@code torch.nn.TransformerEncoderLayer}, the
 * reconstruction head), and {@code model.safetensors} with PyTorch's parameter names
 * ({@link org.musicoder.model.ModelWeights}).
 */
package org.musicoder.model;
