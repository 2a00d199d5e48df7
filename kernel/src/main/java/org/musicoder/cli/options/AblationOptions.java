package org.musicoder.cli.options;

import java.nio.file.Path;
import org.musicoder.experiments.AblationScale;
import org.musicoder.experiments.PretrainCorpus;
import picocli.CommandLine.Option;

/**
 * The options of the paper's ablation tables shared by {@code musicoder table5|table6} and {@code %table5|%table6}
 * (each declares its own {@code --data} and {@code --out}, whose defaults differ). Checked by the library:
 * {@link AblationScale#of}, {@link PretrainCorpus#choose}.
 */
public final class AblationOptions {
    @Option(names = "--tags-data", paramLabel = "demo|DIR", completionCandidates = Candidates.Data.class,
            description = "Adds the tagging columns: demo (the demo corpus's tags) or an MTG-Jamendo folder.")
    public String tagsData;

    @Option(names = "--pretrain-data", paramLabel = "demo|debian-music|DIR", completionCandidates = Candidates.PretrainData.class,
            description = "What the encoders are pretrained on: demo (the demo corpus's train split), debian-music (after "
                    + "`bin/musicoder corpus fetch debian-music`) or a folder of audio (required with --data DIR; demo scale "
                    + "default: debian-music when fetched, else demo).")
    public String pretrainData;

    @Option(names = "--pretrain-steps", paramLabel = "N",
            description = "Pretraining steps per encoder (demo default " + AblationScale.DEMO_PRETRAIN_STEPS
                    + ", the cpu schedule; required with --data DIR).")
    public Long pretrainSteps;

    @Option(names = "--seeds", paramLabel = "N|S1,S2,..",
            description = "Replicates: N (seeds 0..N-1) or a list; replicate s pretrains and fine-tunes with seed s "
                    + "(default: " + AblationScale.DEMO_SEEDS + " at demo scale, 1 otherwise).")
    public String seeds;

    @Option(names = "--grid", paramLabel = "G", completionCandidates = Candidates.Grids.class,
            description = "Fine-tuning grid: small, paper or a specification (default: small for demo, paper otherwise).")
    public String grid;

    @Option(names = "--folds", paramLabel = "N", description = "Run only the first N folds (GTZAN has ten; default all).")
    public Integer folds;

    /**
     * @param demo whether {@code --data demo}
     * @return the scale these options ask for
     * @throws IllegalArgumentException for values that do not go together (names them)
     */
    public AblationScale scale(boolean demo) {
        return AblationScale.of(demo, pretrainSteps, grid, folds, seeds);
    }

    /**
     * @param demo  whether {@code --data demo}
     * @param cache the feature cache folder
     * @return the pretraining corpus
     * @throws IllegalArgumentException if it cannot be chosen (names the reason)
     */
    public PretrainCorpus corpus(boolean demo, Path cache) {
        return PretrainCorpus.choose(pretrainData, demo, cache);
    }
}
