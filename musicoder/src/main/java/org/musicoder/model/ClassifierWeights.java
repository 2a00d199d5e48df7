package org.musicoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link MusiCoderClassifier}'s weights as safetensors with PyTorch names: the encoder's names of
 * {@link ModelWeights} ({@code input_proj.*}, {@code encoder.layers.{i}.*}, {@code head.*}), then
 * {@code classifier.weight [C, P]} (P = H, or 2H with {@link Pooling#MEAN_STD}) and {@code classifier.bias [C]}.
 * {@code __metadata__} holds {@code format = pt}, {@code config} (the encoder's JSON), {@code task}
 * ({@code genre}/{@code tags}), {@code classes}, {@code head_dropout} and {@code pooling} ({@code mean}/{@code mean+std};
 * files without it, written before the option, are {@code mean}).
 */
public final class ClassifierWeights {
    /** Metadata key of the task. */
    public static final String TASK_KEY = "task";
    /** Metadata key of the number of classes. */
    public static final String CLASSES_KEY = "classes";
    /** Metadata key of the head's dropout. */
    public static final String DROPOUT_KEY = "head_dropout";
    /** Metadata key of the head's pooling. */
    public static final String POOLING_KEY = "pooling";

    private ClassifierWeights() {}

    /**
     * Every parameter by PyTorch name: the encoder's, then {@code classifier.weight}, {@code classifier.bias}.
     *
     * @param model an initialised classifier
     * @return name to parameter
     */
    public static Map<String, Parameter> byTorchName(MusiCoderClassifier model) {
        Map<String, Parameter> m = new LinkedHashMap<>(ModelWeights.byTorchName(model.encoder()));
        m.put("classifier.weight", model.head().classifier().getDirectParameters().get("weight"));
        m.put("classifier.bias", model.head().classifier().getDirectParameters().get("bias"));
        return m;
    }

    /**
     * The parameters as Java arrays.
     *
     * @param model an initialised classifier
     * @return name to tensor, in {@link #byTorchName} order
     */
    public static Map<String, SafeTensors.Tensor> tensors(MusiCoderClassifier model) {
        Map<String, SafeTensors.Tensor> t = new LinkedHashMap<>();
        byTorchName(model).forEach((name, p) -> {
            NDArray a = p.getArray();
            t.put(name, new SafeTensors.Tensor(a.getShape().getShape(), a.toFloatArray()));
        });
        return t;
    }

    /**
     * Writes weights (from {@link #tensors}) with the metadata that rebuilds the classifier (atomically).
     *
     * @param tensors the weights by PyTorch name
     * @param config the encoder's configuration
     * @param task genre or tags
     * @param classes C
     * @param headDropout the head's dropout
     * @param pooling the head's pooling
     * @param path the {@code .safetensors} file
     * @throws IOException if it cannot be written
     */
    public static void save(Map<String, SafeTensors.Tensor> tensors, MusiCoderConfig config, Task task, int classes,
                            float headDropout, Pooling pooling, Path path) throws IOException {
        SafeTensors.write(path, tensors, Map.of("format", "pt", ModelWeights.CONFIG_KEY, config.toJson(),
                TASK_KEY, task.label(), CLASSES_KEY, Integer.toString(classes), DROPOUT_KEY, Float.toString(headDropout),
                POOLING_KEY, pooling.label()));
    }

    /**
     * Builds a classifier from a file written by {@link #save}: every expected tensor with its shape, nothing else.
     *
     * @param path the {@code .safetensors} file
     * @param manager owns the parameters
     * @return the initialised classifier
     * @throws IOException if the file cannot be read or does not describe a classifier
     */
    public static MusiCoderClassifier load(Path path, NDManager manager) throws IOException {
        SafeTensors.Contents c = SafeTensors.read(path);
        Map<String, String> meta = c.metadata();
        for (String key : new String[] {ModelWeights.CONFIG_KEY, TASK_KEY, CLASSES_KEY, DROPOUT_KEY})
            if (!meta.containsKey(key)) throw new IOException(path + ": no \"" + key + "\" in __metadata__ (not a fine-tuned model)");
        MusiCoderConfig config;
        Task task;
        int classes;
        float dropout;
        Pooling pooling;
        try {
            config = MusiCoderConfig.fromJson(meta.get(ModelWeights.CONFIG_KEY), path + " __metadata__.config");
            task = Task.parse(meta.get(TASK_KEY));
            classes = Integer.parseInt(meta.get(CLASSES_KEY));
            dropout = Float.parseFloat(meta.get(DROPOUT_KEY));
            pooling = Pooling.parse(meta.getOrDefault(POOLING_KEY, Pooling.MEAN.label()));
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
        return build(c.tensors(), config, task, classes, dropout, pooling, manager, path.toString());
    }

    /**
     * Builds a classifier from weights held in memory (e.g. the best point of a grid search).
     *
     * @param tensors every parameter by PyTorch name ({@link #tensors}), nothing else
     * @param config the encoder's configuration
     * @param task genre or tags
     * @param classes C
     * @param headDropout the head's dropout
     * @param pooling the head's pooling
     * @param manager owns the parameters
     * @param source what the tensors are, for messages
     * @return the initialised classifier
     * @throws IOException if the tensors do not fit the configuration
     */
    public static MusiCoderClassifier build(Map<String, SafeTensors.Tensor> tensors, MusiCoderConfig config, Task task,
                                            int classes, float headDropout, Pooling pooling, NDManager manager, String source)
            throws IOException {
        MusiCoderClassifier model;
        try {
            model = new MusiCoderClassifier(config, task, classes, headDropout, pooling);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, config.inputDim()));
        Map<String, Parameter> params = byTorchName(model);
        for (String name : tensors.keySet())
            if (!params.containsKey(name)) throw new IOException(source + ": unexpected tensor " + name);
        copy(tensors, params, source);
        return model;
    }

    /**
     * Sets the encoder's parameters from pretraining weights ({@link ModelWeights}' file): every encoder
     * tensor must be there with its shape; the classifier's parameters are left as they are.
     *
     * @param model an initialised classifier
     * @param pretrained a {@code model.safetensors} of pretraining
     * @throws IOException if the file cannot be read or does not fit the encoder
     */
    public static void loadEncoder(MusiCoderClassifier model, Path pretrained) throws IOException {
        SafeTensors.Contents c = SafeTensors.read(pretrained);
        copy(c.tensors(), ModelWeights.byTorchName(model.encoder()), pretrained.toString());
    }

    /**
     * Sets parameters from tensors by name.
     *
     * @param tensors source tensors by PyTorch name
     * @param params target parameters by PyTorch name (every one must have a tensor of its shape)
     * @param source what the tensors are, for messages
     * @throws IOException if a tensor is missing or has the wrong shape
     */
    public static void copy(Map<String, SafeTensors.Tensor> tensors, Map<String, Parameter> params, String source)
            throws IOException {
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            SafeTensors.Tensor t = tensors.get(e.getKey());
            if (t == null) throw new IOException(source + ": missing tensor " + e.getKey());
            NDArray a = e.getValue().getArray();
            if (!Arrays.equals(t.shape(), a.getShape().getShape()))
                throw new IOException(source + ": tensor " + e.getKey() + " has shape " + Arrays.toString(t.shape())
                        + ", the model needs " + a.getShape());
            a.set(FloatBuffer.wrap(t.data()));
        }
    }
}
