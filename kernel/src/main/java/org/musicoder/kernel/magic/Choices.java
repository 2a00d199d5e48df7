package org.musicoder.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/** Completion candidates of the magics' own arguments (shared ones: {@link org.musicoder.cli.options.Candidates}). */
final class Choices {
    private Choices() {}

    /** The registered magics' names. */
    static final class Magics extends ArrayList<String> {
        Magics() {
            super(MagicRegistry.standard().all().stream().map(MagicRegistry.Entry::name).toList());
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
