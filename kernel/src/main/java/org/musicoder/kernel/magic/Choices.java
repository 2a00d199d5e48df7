package org.musicoder.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import org.musicoder.model.MusiCoderConfig;

/** Completion candidates of magic arguments (picocli {@code completionCandidates}). */
final class Choices {
    private Choices() {}

    /** {@code cpu}, {@code gpu}. */
    static final class Devices extends ArrayList<String> {
        Devices() {
            super(List.of("cpu", "gpu"));
        }
    }

    /** The masking objectives. */
    static final class Objectives extends ArrayList<String> {
        Objectives() {
            super(List.of("cfm", "ccm", "cfm+ccm"));
        }
    }

    /** The pretraining schedules. */
    static final class Schedules extends ArrayList<String> {
        Schedules() {
            super(List.of("default", "paper"));
        }
    }

    /** The model sizes. */
    static final class Configs extends ArrayList<String> {
        Configs() {
            super(MusiCoderConfig.NAMES);
        }
    }

    /** The registered magics' names. */
    static final class Magics extends ArrayList<String> {
        Magics() {
            super(MagicRegistry.standard().all().stream().map(MagicRegistry.Entry::name).toList());
        }
    }

    /** {@code demo} (a folder is completed as a path). */
    static final class Data extends ArrayList<String> {
        Data() {
            super(List.of("demo"));
        }
    }

    /** The pretraining corpora by name: {@code demo}, {@code debian-music} (a folder is completed as a path). */
    static final class PretrainData extends ArrayList<String> {
        PretrainData() {
            super(List.of("demo", "debian-music"));
        }
    }

    /** The downstream tasks. */
    static final class Tasks extends ArrayList<String> {
        Tasks() {
            super(List.of("genre", "tags"));
        }
    }

    /** The fine-tuning grids (a specification is typed out). */
    static final class Grids extends ArrayList<String> {
        Grids() {
            super(List.of("small", "paper", "probe"));
        }
    }

    /** The classification head's poolings. */
    static final class Poolings extends ArrayList<String> {
        Poolings() {
            super(List.of("mean", "mean+std"));
        }
    }

    /** Where {@code %finetune} starts from: the session's model or none (a folder is completed as a path). */
    static final class Models extends ArrayList<String> {
        Models() {
            super(List.of("session", "demo", "none"));
        }
    }

    /** The splits {@code %eval} reports on. */
    static final class Splits extends ArrayList<String> {
        Splits() {
            super(List.of("test", "validation", "train"));
        }
    }
}
