package org.musicoder.finetune;

import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.musicoder.io.TextFiles;
import org.musicoder.model.ClassifierWeights;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderClassifier;
import org.musicoder.model.SafeTensors;
import org.musicoder.model.Task;

/**
 * A fine-tuned model folder, and the loaded model that predicts with it.
 *
 * <pre>
 *   config.json        {"task", "encoder" (the encoder's config), "classes", "grid_point" {batch, lr, epochs,
 *                      dropout}, "mode" (full|probe), "pooling" (mean|mean+std), "pretrained" (path or "none"), "seed",
 *                      "windows" (the rule)}
 *   labels.txt         one class or tag name per line, in output order
 *   model.safetensors  {@link ClassifierWeights}' format: the encoder's PyTorch names plus classifier.{weight,bias}
 *   validation.json    {"metric", "points": [{batch, lr, epochs, dropout, score}...], "best" (index), "best_score"}
 * </pre>
 * Inputs to {@link #predict(float[][])} are CMVN features; clips longer than {@code max_frames} are cut into
 * {@link Windows} and their probabilities averaged.
 */
public final class FineTunedModel implements AutoCloseable {
    /** The weights' file name. */
    public static final String WEIGHTS = "model.safetensors";
    /** The configuration's file name. */
    public static final String CONFIG = "config.json";
    /** The label list's file name. */
    public static final String LABELS = "labels.txt";
    /** The validation scores' file name. */
    public static final String VALIDATION = "validation.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final NDManager manager;
    private final MusiCoderClassifier model;
    private final List<String> labels;

    private FineTunedModel(NDManager manager, MusiCoderClassifier model, List<String> labels) {
        this.manager = manager;
        this.model = model;
        this.labels = List.copyOf(labels);
    }

    /**
     * Writes a folder from a grid search's result.
     *
     * @param dir the folder (created if needed; files in it are replaced)
     * @param setup what was fine-tuned
     * @param result the search (its value is the best point's weights)
     * @throws IOException if a file cannot be written
     */
    public static void write(Path dir, FineTuning.Setup setup, GridSearch.Result<Map<String, SafeTensors.Tensor>> result)
            throws IOException {
        Files.createDirectories(dir);
        GridPoint best = result.bestPoint();
        ClassifierWeights.save(result.value(), setup.encoder(), setup.task(), setup.labels().size(), best.dropout(),
                setup.pooling(), dir.resolve(WEIGHTS));
        JsonObject config = new JsonObject();
        config.addProperty("task", setup.task().label());
        config.add("encoder", JsonParser.parseString(setup.encoder().toJson()));
        config.addProperty("classes", setup.labels().size());
        config.add("grid_point", point(best));
        config.addProperty("mode", setup.probe() ? "probe" : "full");
        config.addProperty("pooling", setup.pooling().label());
        config.addProperty("pretrained", setup.pretrained() == null ? "none" : setup.pretrained().toString());
        config.addProperty("seed", setup.seed());
        config.addProperty("windows", "clips over max_frames: ceil(n / max_frames) windows of max_frames frames, "
                + "starts spread evenly from 0 to n - max_frames; probabilities averaged");
        writeText(dir.resolve(CONFIG), GSON.toJson(config) + "\n");
        writeText(dir.resolve(LABELS), String.join("\n", setup.labels()) + "\n");
        JsonObject v = new JsonObject();
        v.addProperty("metric", ValidationScore.name(setup.task()));
        JsonArray points = new JsonArray();
        for (int i = 0; i < result.points().size(); i++) {
            JsonObject p = point(result.points().get(i));
            p.addProperty("score", result.scores()[i]);
            points.add(p);
        }
        v.add("points", points);
        v.addProperty("best", result.best());
        v.addProperty("best_score", result.bestScore());
        writeText(dir.resolve(VALIDATION), GSON.newBuilder().serializeSpecialFloatingPointValues().create().toJson(v) + "\n");
    }

    /**
     * Loads a folder written by {@link #write}.
     *
     * @param dir the folder
     * @return the model, ready to predict (close it to free native memory)
     * @throws IOException if a file is missing or does not fit the others (the message names it)
     */
    public static FineTunedModel load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + ": not a folder");
        for (String f : new String[] {WEIGHTS, LABELS})
            if (!Files.isRegularFile(dir.resolve(f))) throw new IOException(dir + ": no " + f + " (not a fine-tuned model folder)");
        List<String> labels = new ArrayList<>();
        for (String line : TextFiles.lines(dir.resolve(LABELS))) if (!line.isBlank()) labels.add(line.strip());
        NDManager manager = NDManager.newBaseManager(Engines.PYTORCH);
        try {
            MusiCoderClassifier model = ClassifierWeights.load(dir.resolve(WEIGHTS), manager);
            if (model.head().classes() != labels.size())
                throw new IOException(dir.resolve(LABELS) + ": " + labels.size() + " labels, the model has " + model.head().classes() + " outputs");
            return new FineTunedModel(manager, model, labels);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The best point of a grid search as a model in memory (as {@link #load} would give after {@link #write}).
     *
     * @param setup what was fine-tuned
     * @param result the search (its value is the best point's weights)
     * @return the model (close it to free native memory)
     * @throws IOException if the weights do not fit the setup
     */
    public static FineTunedModel of(FineTuning.Setup setup, GridSearch.Result<Map<String, SafeTensors.Tensor>> result)
            throws IOException {
        NDManager manager = NDManager.newBaseManager(Engines.PYTORCH);
        try {
            MusiCoderClassifier model = ClassifierWeights.build(result.value(), setup.encoder(), setup.task(),
                    setup.labels().size(), result.bestPoint().dropout(), setup.pooling(), manager, "grid search result");
            return new FineTunedModel(manager, model, setup.labels());
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Class or tag names, in output order. */
    public List<String> labels() {
        return labels;
    }

    /** Genre (probabilities sum to 1) or tags (one probability per tag). */
    public Task task() {
        return model.task();
    }

    /** The underlying classifier. */
    public MusiCoderClassifier model() {
        return model;
    }

    /**
     * Probabilities for one clip, in eval mode.
     *
     * @param features CMVN features {@code [frames][324]}, at least one frame (longer than {@code max_frames}: windows)
     * @return one probability per label, in {@link #labels()} order
     */
    public double[] predict(float[][] features) {
        return predict(List.<float[][]>of(features))[0];
    }

    /**
     * Probabilities for several clips.
     *
     * @param clips CMVN features each
     * @return {@code [clips][labels]}
     */
    public double[][] predict(List<float[][]> clips) {
        for (int i = 0; i < clips.size(); i++)
            if (clips.get(i).length > 0 && clips.get(i)[0].length != model.encoder().config().inputDim())
                throw new IllegalArgumentException("clip " + i + ": frames of " + clips.get(i)[0].length + " values, the model takes "
                        + model.encoder().config().inputDim());
        return Prediction.run(model, manager, clips, FineTuner.PREDICT_BATCH);
    }

    private static JsonObject point(GridPoint p) {
        JsonObject o = new JsonObject();
        o.addProperty("batch", p.batch());
        o.addProperty("lr", p.lr());
        o.addProperty("epochs", p.epochs());
        o.addProperty("dropout", p.dropout());
        return o;
    }

    private static void writeText(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Frees the model's native memory. */
    @Override
    public void close() {
        manager.close();
    }
}
