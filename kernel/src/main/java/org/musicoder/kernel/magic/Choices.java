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
}
