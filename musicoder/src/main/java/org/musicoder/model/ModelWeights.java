package org.musicoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code model.safetensors}: a {@link MusiCoderModel}'s parameters under the names of its PyTorch twin's
 * {@code state_dict()}, so that {@code model.load_state_dict(...)} takes them directly, and its configuration
 * as JSON in {@code __metadata__["config"]} ({@code __metadata__["format"]} is {@code "pt"}).
 *
 * <pre>
 *   input_proj.{weight [H, 324], bias [H]}
 *   encoder.layers.{i}.self_attn.in_proj_weight [3H, H], in_proj_bias [3H]   (q, k, v stacked)
 *   encoder.layers.{i}.self_attn.out_proj.{weight [H, H], bias [H]}
 *   encoder.layers.{i}.linear1.{weight [F, H], bias [F]}, linear2.{weight [H, F], bias [H]}
 *   encoder.layers.{i}.norm1.{weight, bias} [H], norm2.{weight, bias} [H]
 *   head.dense.{weight [H, H], bias [H]}, head.norm.{weight, bias} [H], head.out.{weight [324, H], bias [324]}
 * </pre>
 * Linear weights are [out, in] in both DJL and torch; LayerNorm's gamma/beta are torch's weight/bias.
 */
public final class ModelWeights {
    /** Metadata key of the configuration JSON. */
    public static final String CONFIG_KEY = "config";

    private ModelWeights() {}

    /**
     * The model's parameters by PyTorch name, in the twin's {@code state_dict()} order.
     *
     * @param model a model
     * @return name to parameter
     */
    public static Map<String, Parameter> byTorchName(MusiCoderModel model) {
        Map<String, Parameter> m = new LinkedHashMap<>();
        linear(m, "input_proj", model.input().linear());
        for (int i = 0; i < model.layers().size(); i++) {
            EncoderLayer l = model.layers().get(i);
            String p = "encoder.layers." + i + ".";
            m.put(p + "self_attn.in_proj_weight", param(l.selfAttention().inProj(), "weight"));
            m.put(p + "self_attn.in_proj_bias", param(l.selfAttention().inProj(), "bias"));
            linear(m, p + "self_attn.out_proj", l.selfAttention().outProj());
            linear(m, p + "linear1", l.linear1());
            linear(m, p + "linear2", l.linear2());
            norm(m, p + "norm1", l.norm1());
            norm(m, p + "norm2", l.norm2());
        }
        linear(m, "head.dense", model.head().dense());
        norm(m, "head.norm", model.head().norm());
        linear(m, "head.out", model.head().out());
        return m;
    }

    /**
     * Writes the model's parameters and configuration (atomically: temporary file, then rename).
     *
     * @param model an initialised model
     * @param path the {@code .safetensors} file
     * @throws IOException if it cannot be written
     */
    public static void save(MusiCoderModel model, Path path) throws IOException {
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : byTorchName(model).entrySet()) {
            NDArray a = e.getValue().getArray();
            tensors.put(e.getKey(), new SafeTensors.Tensor(a.getShape().getShape(), a.toFloatArray()));
        }
        SafeTensors.write(path, tensors, Map.of("format", "pt", CONFIG_KEY, model.config().toJson()));
    }

    /**
     * Builds a model from a file written by {@link #save} (or by the twin): configuration from the metadata,
     * every parameter from its tensor. Every expected name must be present with its shape, and nothing else.
     *
     * @param path the {@code .safetensors} file
     * @param manager the manager that will own the parameters (its device is the model's)
     * @return the initialised model
     * @throws IOException if the file cannot be read, has no configuration, or its tensors do not match it
     */
    public static MusiCoderModel load(Path path, NDManager manager) throws IOException {
        SafeTensors.Contents c = SafeTensors.read(path);
        String json = c.metadata().get(CONFIG_KEY);
        if (json == null) throw new IOException(path + ": no \"" + CONFIG_KEY + "\" in __metadata__");
        MusiCoderConfig config;
        try {
            config = MusiCoderConfig.fromJson(json, path + " __metadata__." + CONFIG_KEY);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        MusiCoderModel model = new MusiCoderModel(config);
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, config.inputDim()));
        Map<String, Parameter> params = byTorchName(model);
        for (String name : c.tensors().keySet())
            if (!params.containsKey(name)) throw new IOException(path + ": unexpected tensor " + name + " for " + config.describe());
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            SafeTensors.Tensor t = c.tensors().get(e.getKey());
            if (t == null) throw new IOException(path + ": missing tensor " + e.getKey());
            NDArray a = e.getValue().getArray();
            if (!Arrays.equals(t.shape(), a.getShape().getShape()))
                throw new IOException(path + ": tensor " + e.getKey() + " has shape " + Arrays.toString(t.shape())
                        + ", the config needs " + a.getShape());
            a.set(FloatBuffer.wrap(t.data()));
        }
        return model;
    }

    private static void linear(Map<String, Parameter> m, String prefix, Block linear) {
        m.put(prefix + ".weight", param(linear, "weight"));
        m.put(prefix + ".bias", param(linear, "bias"));
    }

    private static void norm(Map<String, Parameter> m, String prefix, Block norm) {
        m.put(prefix + ".weight", param(norm, "gamma"));
        m.put(prefix + ".bias", param(norm, "beta"));
    }

    private static Parameter param(Block block, String name) {
        return block.getDirectParameters().get(name);
    }
}
