package org.musicoder.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a downstream corpus's parts are, beyond its {@code --data} folder (GTZAN's filtered split, MTG-Jamendo's audio). */
public final class CorpusOptions {
    @Option(names = "--filtered", paramLabel = "DIR", description = "GTZAN: folder with train_filtered.txt, valid_filtered.txt, "
            + "test_filtered.txt for the artist-disjoint split (default: the paper's ten random folds).")
    public Path filtered;

    @Option(names = "--audio", paramLabel = "DIR", description = "MTG-Jamendo: folder the PATH column is relative to (default: the --data folder).")
    public Path audio;
}
