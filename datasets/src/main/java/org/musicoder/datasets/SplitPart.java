package org.musicoder.datasets;

import java.util.Locale;

/** One part of a train/validation/test split, as named in a labels file. */
public enum SplitPart {
    TRAIN,
    VALIDATION,
    TEST;

    /**
     * The split named {@code name} as written in a labels file ({@code train}, {@code validation}, {@code test}).
     *
     * @param name split name, case-insensitive
     * @return the split
     * @throws IllegalArgumentException if {@code name} is none of the three
     */
    public static SplitPart parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown split '" + name + "' (expected train, validation or test)");
        }
    }

    /** The name as written in a labels file (lower case). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
