package org.musicoder.cli.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.Checkpoint;
import picocli.CommandLine.Option;

/** {@code --resume} and {@code --checkpoint-every} of {@code musicoder pretrain} and {@code %pretrain}. */
public final class Checkpoints {
    @Option(names = "--resume", description = "Continue from OUT/checkpoint.safetensors (the recipe is the checkpoint's; "
            + "give --steps N, the step to train until).")
    public boolean resume;

    @Option(names = "--checkpoint-every", paramLabel = "K", defaultValue = "1000",
            description = "Checkpoint interval in steps (default 1000).")
    public int every;

    /** @return what is wrong with the interval, or null */
    public String check() {
        return every < 1 ? "--checkpoint-every must be >= 1, got " + every : null;
    }

    /**
     * @param out the output folder of a new run
     * @return why it cannot take a new run (it holds a checkpoint), or null
     */
    public static String refuseOverwrite(Path out) {
        return Files.exists(out.resolve(Checkpoint.FILE)) ? "--out " + out
                + " already holds a checkpoint: add --resume to continue it, or choose another folder" : null;
    }

    /**
     * The checkpoint to continue.
     *
     * @param out    the output folder
     * @param config the {@code --config} given, or null
     * @param recipe the recipe options given (each must match the checkpoint's, or be left out)
     * @return the checkpoint
     * @throws IllegalArgumentException naming the file and the reason (missing, unreadable, or options that differ)
     */
    public static Checkpoint load(Path out, String config, PretrainRecipe recipe) {
        Path file = out.resolve(Checkpoint.FILE);
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--resume: " + file + " does not exist");
        Checkpoint c;
        List<String> clash = new ArrayList<>();
        try {
            c = Checkpoint.load(file);
            if (config != null && !MusiCoderConfig.of(config).withPosition(c.config().position()).equals(c.config()))
                clash.add("--config " + c.config().name());
        } catch (IOException e) {
            throw new IllegalArgumentException("--resume: " + e.getMessage(), e);
        }
        clash.addAll(recipe.clashes(c.options(), c.config()));
        if (!clash.isEmpty())
            throw new IllegalArgumentException("--resume: the checkpoint was made with " + String.join(", ", clash)
                    + "; drop those options or use another --out");
        if (recipe.steps == null) throw new IllegalArgumentException("--resume: give --steps N, the step to train until");
        return c;
    }
}
