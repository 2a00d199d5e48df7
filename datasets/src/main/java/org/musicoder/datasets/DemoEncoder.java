package org.musicoder.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.musicoder.pretrain.TrainingRun;

/**
 * The pretrained demo encoder shipped with the project: {@code --model demo} (CLI), {@code %pretrained demo} and
 * {@code %finetune --model demo} (kernel). Trained by the project's own {@code pretrain} command on
 * {@link DebianMusic} (the command, its log and its held-out scores are in {@value #ROOT}{@code README.md}).
 */
public final class DemoEncoder {
    /** The name that selects it. */
    public static final String NAME = "demo";
    /** Resource folder of the encoder. */
    public static final String ROOT = "/org/musicoder/datasets/demo/encoder/";
    private static final String WEIGHTS = "model.safetensors";

    private DemoEncoder() {}

    /**
     * The weights file a user's model reference names: {@value #NAME} (this encoder, extracted to the cache), a
     * folder written by {@code pretrain} (its {@code model.safetensors}) or a weights file.
     *
     * @param model {@value #NAME}, a folder or a file
     * @param cache the cache folder (for {@value #NAME})
     * @return the weights file
     * @throws IOException naming the reference and the reason, if there are no weights there
     */
    public static Path weights(String model, Path cache) throws IOException {
        if (model.equals(NAME)) return extract(cache);
        Path p = Path.of(model);
        Path file = Files.isDirectory(p) ? p.resolve(TrainingRun.MODEL) : p;
        if (!Files.isRegularFile(file))
            throw new IOException(model + ": no " + TrainingRun.MODEL + " there (expected " + NAME
                    + ", a pretraining folder or its weights file)");
        return file;
    }

    /**
     * Copies the encoder's weights to {@code dir/demo-encoder/model.safetensors} (atomically, replacing an older
     * copy) and returns that file.
     *
     * @param cache the cache folder
     * @return the weights file
     * @throws IOException if the resource is missing (a build without it) or the file cannot be written
     */
    public static Path extract(Path cache) throws IOException {
        Path dir = Files.createDirectories(cache.resolve("demo-encoder"));
        Path target = dir.resolve(WEIGHTS);
        Path tmp = Files.createTempFile(dir, ".model-", ".part");
        try (InputStream in = DemoEncoder.class.getResourceAsStream(ROOT + WEIGHTS)) {
            if (in == null) throw new IOException("the demo encoder (" + ROOT + WEIGHTS + ") is not in this build");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
