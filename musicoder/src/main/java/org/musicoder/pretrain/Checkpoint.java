package org.musicoder.pretrain;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.SafeTensors;

/**
 * Everything a pretraining run needs to continue exactly: one safetensors file holding the model's weights
 * (PyTorch names, as {@code model.safetensors}), Adam's moments ({@code adam.m.NAME}, {@code adam.v.NAME}) and,
 * in {@code __metadata__}, the configuration, the options, the step, Adam's step, the states of the masking and
 * crop generators, a summary of the training clips and the elapsed time. (Dropout needs no state: its generator is reseeded from the seed and the
 * step at every step.)
 *
 * <p>Written through {@link SafeTensors#write} (temporary file, fsync, atomic rename), then the folder is
 * fsynced: after a crash the file is the previous checkpoint or the new one, whole.
 *
 * @param config the model's size
 * @param options the run's recipe
 * @param step steps done
 * @param seconds training time so far (all runs)
 * @param maskState {@code MaskRng} state of the masking draws
 * @param dataState {@code MaskRng} state of the crop draws
 * @param data the training clips' summary ({@link Pretrainer#describe}), checked on resume
 * @param weights parameters by PyTorch name
 * @param adam the optimiser's state
 */
public record Checkpoint(MusiCoderConfig config, PretrainOptions options, long step, double seconds, long maskState,
                         long dataState, String data, Map<String, SafeTensors.Tensor> weights, Adam.State adam) {
    /** File name of the checkpoint in the output folder. */
    public static final String FILE = "checkpoint.safetensors";

    private static final String M = "adam.m.";
    private static final String V = "adam.v.";

    /**
     * Writes the checkpoint atomically.
     *
     * @param path the file ({@link #FILE} in the output folder)
     * @throws IOException if it cannot be written
     */
    public void save(Path path) throws IOException {
        Map<String, SafeTensors.Tensor> t = new LinkedHashMap<>(weights);
        weights.forEach((name, w) -> {
            t.put(M + name, new SafeTensors.Tensor(w.shape(), adam.m().get(name)));
            t.put(V + name, new SafeTensors.Tensor(w.shape(), adam.v().get(name)));
        });
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("config", config.toJson());
        meta.put("options", options.toJson());
        meta.put("step", Long.toString(step));
        meta.put("adam_step", Long.toString(adam.step()));
        meta.put("mask_rng", Long.toString(maskState));
        meta.put("data_rng", Long.toString(dataState));
        meta.put("seconds", Double.toString(seconds));
        meta.put("data", data);
        SafeTensors.write(path, t, meta);
        syncFolder(path.toAbsolutePath().getParent());
    }

    /**
     * Reads a checkpoint written by {@link #save}.
     *
     * @param path the file
     * @return its contents
     * @throws IOException if it cannot be read or is not a complete checkpoint (the message says why)
     */
    public static Checkpoint load(Path path) throws IOException {
        SafeTensors.Contents c = SafeTensors.read(path);
        Map<String, String> meta = c.metadata();
        try {
            MusiCoderConfig config = MusiCoderConfig.fromJson(required(meta, "config", path), path + " config");
            PretrainOptions options = PretrainOptions.fromJson(required(meta, "options", path));
            Map<String, SafeTensors.Tensor> weights = new LinkedHashMap<>();
            Map<String, float[]> m = new LinkedHashMap<>();
            Map<String, float[]> v = new LinkedHashMap<>();
            c.tensors().forEach((name, t) -> {
                if (name.startsWith(M)) m.put(name.substring(M.length()), t.data());
                else if (name.startsWith(V)) v.put(name.substring(V.length()), t.data());
                else weights.put(name, t);
            });
            if (!m.keySet().equals(weights.keySet()) || !v.keySet().equals(weights.keySet()))
                throw new IOException(path + ": Adam's moments do not match the weights");
            return new Checkpoint(config, options, Long.parseLong(required(meta, "step", path)),
                    Double.parseDouble(required(meta, "seconds", path)), Long.parseLong(required(meta, "mask_rng", path)),
                    Long.parseLong(required(meta, "data_rng", path)), required(meta, "data", path), weights,
                    new Adam.State(m, v, Long.parseLong(required(meta, "adam_step", path))));
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": not a pretraining checkpoint: " + String.valueOf(e.getMessage())
                    .replace('\n', ' '), e);
        }
    }

    private static String required(Map<String, String> meta, String key, Path path) throws IOException {
        String s = meta.get(key);
        if (s == null) throw new IOException(path + ": not a pretraining checkpoint: no \"" + key + "\" in __metadata__");
        return s;
    }

    /** fsync of a folder, so that a rename in it is durable (Linux allows opening a folder for reading). */
    private static void syncFolder(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse to open or sync a folder; the rename itself is still atomic
        }
    }
}
