package org.musicoder.cli.options;

import java.util.ArrayList;
import java.util.List;
import org.musicoder.model.MusiCoderConfig;

/** Completion candidates of options shared by the CLI and the magics (picocli {@code completionCandidates}). */
public final class Candidates {
    private Candidates() {}

    /** {@code cpu}, {@code gpu}. */
    public static final class Devices extends ArrayList<String> {
        public Devices() {
            super(List.of("cpu", "gpu"));
        }
    }

    /** The masking objectives. */
    public static final class Objectives extends ArrayList<String> {
        public Objectives() {
            super(List.of("cfm", "ccm", "cfm+ccm"));
        }
    }

    /** The pretraining schedules. */
    public static final class Schedules extends ArrayList<String> {
        public Schedules() {
            super(List.of("default", "paper"));
        }
    }

    /** The model sizes. */
    public static final class Configs extends ArrayList<String> {
        public Configs() {
            super(MusiCoderConfig.NAMES);
        }
    }

    /** {@code demo} (a folder is completed as a path). */
    public static final class Data extends ArrayList<String> {
        public Data() {
            super(List.of("demo"));
        }
    }

    /** The pretraining corpora by name: {@code demo}, {@code debian-music} (a folder is completed as a path). */
    public static final class PretrainData extends ArrayList<String> {
        public PretrainData() {
            super(List.of("demo", "debian-music"));
        }
    }

    /** The downstream tasks. */
    public static final class Tasks extends ArrayList<String> {
        public Tasks() {
            super(List.of("genre", "tags"));
        }
    }

    /** The fine-tuning grids (a specification is typed out). */
    public static final class Grids extends ArrayList<String> {
        public Grids() {
            super(List.of("small", "paper", "probe"));
        }
    }

    /** The classification head's poolings. */
    public static final class Poolings extends ArrayList<String> {
        public Poolings() {
            super(List.of("mean", "mean+std"));
        }
    }
}
