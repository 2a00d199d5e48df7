package org.musicoder.cli.options;

import org.musicoder.finetune.Grid;
import org.musicoder.model.Pooling;
import org.musicoder.model.Task;
import picocli.CommandLine.Option;

/**
 * How to fine-tune: the task, the head, the grid, the encoder size for a random encoder, the fold and the seed,
 * shared by {@code musicoder finetune} and {@code %finetune}.
 */
public final class FinetuneRecipe {
    @Option(names = "--task", required = true, paramLabel = "genre|tags", completionCandidates = Candidates.Tasks.class,
            description = "genre (softmax, cross-entropy) or tags (sigmoid, binary cross-entropy).")
    public String task;

    @Option(names = "--probe", description = "Frozen encoder, train only the head (MARBLE's linear probe).")
    public boolean probe;

    @Option(names = "--pooling", paramLabel = "mean|mean+std", defaultValue = "mean", completionCandidates = Candidates.Poolings.class,
            description = "How the head summarises a clip's frames: mean (the paper's) or mean+std (the mean and the standard "
                    + "deviation of the last layer; not the paper's); default ${DEFAULT-VALUE}.")
    public String pooling;

    @Option(names = "--grid", paramLabel = "G", completionCandidates = Candidates.Grids.class,
            description = "small, paper (Table 4, 54 points), probe, or batch=..;lr=..;epochs=..;dropout=.. "
                    + "(default: small for --data demo, paper otherwise; probe with --probe).")
    public String grid;

    @Option(names = "--config", paramLabel = "C", completionCandidates = Candidates.Configs.class,
            description = "Encoder size with --model none (default tiny for demo, base otherwise).")
    public String config;

    @Option(names = "--fold", paramLabel = "K", defaultValue = "0", description = "Which fold to fine-tune on (GTZAN's ten folds: 0-9; default 0).")
    public int fold;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed (default 0).")
    public long seed;

    /** @throws IllegalArgumentException for an unknown task (names it) */
    public Task task() {
        return Task.parse(task);
    }

    /** @throws IllegalArgumentException for an unknown pooling (names it) */
    public Pooling pooling() {
        return Pooling.parse(pooling);
    }

    /**
     * @param demo whether {@code --data demo}
     * @return the grid given, else probe with {@code --probe}, small for the demo corpus, the paper's otherwise
     * @throws IllegalArgumentException for a bad specification (names it)
     */
    public Grid grid(boolean demo) {
        return Grid.parse(grid != null ? grid : probe ? "probe" : demo ? "small" : "paper");
    }

    /** The size of a randomly initialised encoder ({@code --model none}): {@code --config}, else tiny or base. */
    public String randomEncoder(boolean demo) {
        return config != null ? config : demo ? "tiny" : "base";
    }
}
