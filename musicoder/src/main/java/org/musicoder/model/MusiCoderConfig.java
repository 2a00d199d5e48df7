package org.musicoder.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.musicoder.io.TextFiles;

/**
 * Size of a MusiCoder encoder (paper section 3.2).
 *
 * @param name a label ({@code tiny}, {@code small}, {@code base}, {@code large} or a user's name)
 * @param layers number of encoder layers L
 * @param hidden hidden size H (even: the positions interleave sin and cos)
 * @param heads attention heads A (must divide H)
 * @param ffn inner size of the feed-forward network (4H for the named configurations)
 * @param dropout dropout rate used while training (input, attention weights, residual branches, FFN)
 * @param inputDim frame dimension (324 features)
 * @param maxFrames longest sequence the model accepts (positions are tabulated up to it)
 * @param position how the encoder knows where a frame is ({@link Position})
 */
public record MusiCoderConfig(
        String name, int layers, int hidden, int heads, int ffn, float dropout, int inputDim, int maxFrames,
        Position position) {

    /** How the encoder knows where a frame is. */
    public enum Position {
        /** The paper's (eq. 1): sinusoidal positions added to the projected input ({@link SinusoidalPositions}). */
        SINUSOIDAL,
        /**
         * No position table; each head's attention score gets {@code -m_h |i - j|}, a penalty linear in the distance
         * between query and key frames (ALiBi, Press et al., ICLR 2022), with {@link AttentionBias#slopes the slopes}.
         * Not in the paper: it gives attention the local bias the masked reconstruction needs from the first step
         * (docs/pretraining.md).
         */
        ALIBI;

        /** @return the JSON value, {@code sinusoidal} or {@code alibi} */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param key {@code sinusoidal} or {@code alibi}
         * @return the position scheme
         * @throws IllegalArgumentException for another value
         */
        public static Position parse(String key) {
            for (Position p : values()) if (p.key().equals(key)) return p;
            throw new IllegalArgumentException("position '" + key + "': expected sinusoidal or alibi");
        }
    }

    /** Frame dimension of the paper's features. */
    public static final int FEATURES = 324;
    /** Longest training crop: 35 s at 44.1 kHz, hop 1024, rounded up. */
    public static final int MAX_FRAMES = 1600;
    /** Dropout of the named configurations (BERT's). */
    public static final float DROPOUT = 0.1f;

    /** Names accepted by {@link #named(String)}. */
    public static final List<String> NAMES = List.of("tiny", "small", "base", "large");

    /** Checks the sizes. */
    public MusiCoderConfig {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("model config: empty name");
        positive("layers", layers);
        positive("hidden", hidden);
        positive("heads", heads);
        positive("ffn", ffn);
        positive("input_dim", inputDim);
        positive("max_frames", maxFrames);
        if (hidden % heads != 0)
            throw new IllegalArgumentException("model config " + name + ": heads " + heads + " do not divide hidden " + hidden);
        if (hidden % 2 != 0)
            throw new IllegalArgumentException("model config " + name + ": hidden " + hidden + " must be even");
        if (!(dropout >= 0 && dropout < 1))
            throw new IllegalArgumentException("model config " + name + ": dropout " + dropout + " not in [0, 1)");
        if (position == null) throw new IllegalArgumentException("model config " + name + ": no position scheme");
    }

    /**
     * A named configuration: {@code tiny} (2 layers, H 64, 4 heads), {@code small} (4/256/4), {@code base}
     * (4/768/12, the paper's MusiCoder-Base) or {@code large} (8/1024/16); FFN 4H, dropout 0.1, 324 inputs, at most
     * 1600 frames. {@code base} and {@code large} have the paper's sinusoidal positions; {@code tiny} and
     * {@code small}, the sizes that train on a CPU, have {@link Position#ALIBI} (with sinusoidal positions they stay
     * at predicting the mean for thousands of steps: docs/pretraining.md); {@link #withPosition} changes it.
     *
     * @param name one of {@link #NAMES}
     * @return the configuration
     * @throws IllegalArgumentException for another name
     */
    public static MusiCoderConfig named(String name) {
        return switch (name) {
            case "tiny" -> standard(name, 2, 64, 4, Position.ALIBI);
            case "small" -> standard(name, 4, 256, 4, Position.ALIBI);
            case "base" -> standard(name, 4, 768, 12, Position.SINUSOIDAL);
            case "large" -> standard(name, 8, 1024, 16, Position.SINUSOIDAL);
            default -> throw new IllegalArgumentException(
                    "model config: unknown name '" + name + "' (expected one of " + NAMES + " or a .json file)");
        };
    }

    /**
     * A named configuration, or the JSON file at {@code nameOrPath} when it is not one of {@link #NAMES}.
     *
     * @param nameOrPath a name or a path to a file written by {@link #write(Path)}
     * @return the configuration
     * @throws IOException if the file cannot be read or is not a valid configuration
     */
    public static MusiCoderConfig of(String nameOrPath) throws IOException {
        if (NAMES.contains(nameOrPath)) return named(nameOrPath);
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p))
            throw new IOException("model config '" + nameOrPath + "': neither " + NAMES + " nor an existing file");
        return read(p);
    }

    private static MusiCoderConfig standard(String name, int layers, int hidden, int heads, Position position) {
        return new MusiCoderConfig(name, layers, hidden, heads, 4 * hidden, DROPOUT, FEATURES, MAX_FRAMES, position);
    }

    /** @return this configuration with another dropout rate */
    public MusiCoderConfig withDropout(float rate) {
        return new MusiCoderConfig(name, layers, hidden, heads, ffn, rate, inputDim, maxFrames, position);
    }

    /** @return this configuration with another position scheme */
    public MusiCoderConfig withPosition(Position p) {
        return new MusiCoderConfig(name, layers, hidden, heads, ffn, dropout, inputDim, maxFrames, p);
    }

    /** @return this configuration with another name and number of layers */
    public MusiCoderConfig withLayers(String newName, int newLayers) {
        return new MusiCoderConfig(newName, newLayers, hidden, heads, ffn, dropout, inputDim, maxFrames, position);
    }

    /** Size of one head, H / A. */
    public int headSize() {
        return hidden / heads;
    }

    /**
     * Number of trainable parameters, computed from the sizes: input projection, L encoder layers (packed
     * q/k/v projection, output projection, two FFN linears, two LayerNorms) and the reconstruction head.
     *
     * @return the count (base: 29,442,372)
     */
    public long parameterCount() {
        long h = hidden;
        long input = (long) inputDim * h + h;
        long layer = (3 * h * h + 3 * h) + (h * h + h) + (h * ffn + ffn) + ((long) ffn * h + h) + 4 * h;
        long head = (h * h + h) + 2 * h + (h * inputDim + inputDim);
        return input + layers * layer + head;
    }

    /**
     * The configuration as one JSON object with the keys {@code name, layers, hidden, heads, ffn, dropout,
     * input_dim, max_frames, position}.
     *
     * @return compact JSON text
     */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("layers", layers);
        o.addProperty("hidden", hidden);
        o.addProperty("heads", heads);
        o.addProperty("ffn", ffn);
        o.addProperty("dropout", dropout);
        o.addProperty("input_dim", inputDim);
        o.addProperty("max_frames", maxFrames);
        o.addProperty("position", position.key());
        return o.toString();
    }

    /**
     * Parses {@link #toJson()}'s format. {@code layers}, {@code hidden} and {@code heads} are required;
     * {@code name} defaults to {@code custom}, {@code ffn} to 4H, {@code dropout} to 0.1, {@code input_dim}
     * to 324, {@code max_frames} to 1600 and {@code position} to {@code sinusoidal} (files written before it existed).
     *
     * @param json the JSON text
     * @param source what the text is (a file name) for error messages
     * @return the configuration
     * @throws IllegalArgumentException if the text is not such an object
     */
    public static MusiCoderConfig fromJson(String json, String source) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) throw new IllegalArgumentException(source + ": model config is not a JSON object");
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + ": model config is not valid JSON: " + e.getMessage(), e);
        }
        try {
            int hidden = required(o, "hidden");
            return new MusiCoderConfig(
                    o.has("name") ? o.get("name").getAsString() : "custom",
                    required(o, "layers"),
                    hidden,
                    required(o, "heads"),
                    o.has("ffn") ? o.get("ffn").getAsInt() : 4 * hidden,
                    o.has("dropout") ? o.get("dropout").getAsFloat() : DROPOUT,
                    o.has("input_dim") ? o.get("input_dim").getAsInt() : FEATURES,
                    o.has("max_frames") ? o.get("max_frames").getAsInt() : MAX_FRAMES,
                    o.has("position") ? Position.parse(o.get("position").getAsString()) : Position.SINUSOIDAL);
        } catch (ClassCastException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException(source + ": model config has a value of the wrong type: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON configuration file.
     *
     * @param path the file
     * @return the configuration
     * @throws IOException if the file cannot be read or does not hold a valid configuration
     */
    public static MusiCoderConfig read(Path path) throws IOException {
        try {
            return fromJson(TextFiles.read(path), path.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Writes {@link #toJson()} (UTF-8, one line) to a file.
     *
     * @param path the file, replaced if it exists
     * @throws IOException if it cannot be written
     */
    public void write(Path path) throws IOException {
        Files.writeString(path, toJson() + "\n", StandardCharsets.UTF_8);
    }

    /** One line: name, sizes and parameter count, e.g. {@code base: 4 layers, H 768, 12 heads, FFN 3072, 29.44M parameters}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d layers, H %d, %d heads, FFN %d, %s positions, %.2fM parameters (%,d)",
                name, layers, hidden, heads, ffn, position.key(), parameterCount() / 1e6, parameterCount());
    }

    private static int required(JsonObject o, String key) {
        if (!o.has(key)) throw new IllegalArgumentException("model config lacks \"" + key + "\"");
        return o.get(key).getAsInt();
    }

    private static void positive(String what, int v) {
        if (v <= 0) throw new IllegalArgumentException("model config: " + what + " must be positive, got " + v);
    }
}
