package org.musicoder.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.musicoder.features.ClipFeatures;
import org.musicoder.features.FeatureConfig;
import org.musicoder.io.Npy;

/**
 * A folder of computed feature matrices, one {@code .npy} (frames x dims, float32) per clip, so repeated runs do
 * not recompute them.
 * <p>
 * An entry's key is the SHA-256 of: the SHA-256 of the audio file's bytes, {@link FeatureConfig#recipe()}, the
 * offset and the duration. Renaming or copying a file keeps its entry; changing a byte or a parameter makes a new
 * one. Entries live at {@code dir/<first 2 hex digits>/<key>.npy}.
 * <p>
 * Several threads or processes may fill the same folder at once: an entry is written to a temporary file in its
 * own folder and then renamed onto its name atomically, so a reader sees either no entry or a whole one (two
 * writers of one entry both compute it; the last rename wins, with equal content). An entry that cannot be read
 * back as a 2-d float matrix with {@code cfg.dims()} columns is reported and recomputed. A failure to write an
 * entry is reported and the computed features are returned anyway. Files are not fsynced: an entry damaged by a
 * crash is recomputed like any corrupt one. Temporary files of a process killed mid-write are left behind
 * ({@code *.tmp}).
 */
public final class FeatureCache {
    /** Computes a clip's features, {@code frames x cfg.dims()}. */
    @FunctionalInterface
    public interface Compute {
        /**
         * @param audio the audio file
         * @return features, one row per frame, each row {@code cfg.dims()} long
         */
        float[][] compute(Path audio) throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(FeatureCache.class.getName());
    private static final String VERSION = "musicoder-feature-cache-v1";

    private final Path dir;
    private final Consumer<String> warn;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    /** A cache in {@code dir} (created if absent), warnings logged. */
    public FeatureCache(Path dir) throws IOException {
        this(dir, LOG::warning);
    }

    /**
     * @param dir  the cache folder, created if absent; may be shared with other processes
     * @param warn receives one line per corrupt entry recomputed and per entry that could not be written
     */
    public FeatureCache(Path dir, Consumer<String> warn) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.warn = warn;
    }

    /**
     * The raw (pre-CMVN) features of the whole clip with {@code cfg}: from the cache, or computed by
     * {@link ClipFeatures#compute} and stored.
     */
    public float[][] raw(Path audio, FeatureConfig cfg) throws IOException {
        return get(audio, cfg, a -> ClipFeatures.compute(a, cfg, 0, Double.NaN, false));
    }

    /** As {@link #get(Path, FeatureConfig, double, double, Compute)} for the whole clip. */
    public float[][] get(Path audio, FeatureConfig cfg, Compute compute) throws IOException {
        return get(audio, cfg, 0, 0, compute);
    }

    /**
     * The features of a clip: read from the cache, or computed by {@code compute} and stored.
     *
     * @param audio           the audio file (its bytes are hashed)
     * @param cfg             the recipe {@code compute} follows
     * @param offsetSeconds   where the clip starts in the file, as given to {@code compute} (part of the key)
     * @param durationSeconds the clip's length, {@code <= 0} or NaN for "to the end" (part of the key)
     * @param compute         computes the features when the entry is absent or corrupt; it must itself apply the
     *                        offset and duration
     * @return {@code frames x cfg.dims()} features
     * @throws IOException if the audio cannot be read or {@code compute} fails
     * @throws IllegalStateException if {@code compute} returns something not {@code frames x cfg.dims()}
     */
    public float[][] get(Path audio, FeatureConfig cfg, double offsetSeconds, double durationSeconds, Compute compute)
            throws IOException {
        Path entry = entry(audio, cfg, offsetSeconds, durationSeconds);
        if (Files.exists(entry)) {
            try {
                return readEntry(entry, cfg.dims());
            } catch (IOException | RuntimeException e) {
                warn.accept(entry + ": corrupt feature-cache entry for " + audio + " (" + e.getMessage() + "), recomputing");
            }
        }
        float[][] features = compute.compute(audio);
        check(features, cfg.dims(), audio);
        try {
            write(entry, features);
        } catch (IOException e) {
            warn.accept(entry + ": cannot write feature-cache entry for " + audio + " (" + e + ")");
        }
        return features;
    }

    /**
     * Where the entry for this clip and recipe lives (whether or not it exists yet).
     *
     * @param audio           the audio file (its bytes are hashed)
     * @param cfg             the recipe
     * @param offsetSeconds   clip start (seconds)
     * @param durationSeconds clip length (seconds), {@code <= 0} or NaN for "to the end"
     */
    public Path entry(Path audio, FeatureConfig cfg, double offsetSeconds, double durationSeconds) throws IOException {
        String duration = durationSeconds > 0 ? Double.toString(durationSeconds) : "all";
        String key = String.join("\n", VERSION, contentHash(audio), cfg.recipe(),
                Double.toString(offsetSeconds), duration);
        String hex = sha256(key.getBytes(StandardCharsets.UTF_8));
        return dir.resolve(hex.substring(0, 2)).resolve(hex + ".npy");
    }

    /**
     * The SHA-256 of a file's bytes, as 64 lower-case hex digits. Remembered per (path, size, modification time)
     * for the life of this cache.
     */
    public String contentHash(Path file) throws IOException {
        String memo = file.toRealPath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        String h = hashes.get(memo);
        if (h != null) return h;
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        h = HexFormat.of().formatHex(md.digest());
        hashes.put(memo, h);
        return h;
    }

    private static float[][] readEntry(Path entry, int dims) throws IOException {
        Npy.Array a = Npy.read(entry);
        if (a.shape().length != 2 || a.rows() < 1 || a.cols() != dims)
            throw new IOException("shape " + Arrays.toString(a.shape()) + ", expected [frames, " + dims + "]");
        return a.toFloat2d();
    }

    private static void check(float[][] f, int dims, Path audio) {
        if (f == null || f.length == 0) throw new IllegalStateException(audio + ": features computed with no frames");
        for (float[] row : f)
            if (row.length != dims)
                throw new IllegalStateException(audio + ": features computed with a row of " + row.length + " dims, expected " + dims);
    }

    private static void write(Path entry, float[][] features) throws IOException {
        Files.createDirectories(entry.getParent());
        Npy.writeAtomically(entry, features);
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
