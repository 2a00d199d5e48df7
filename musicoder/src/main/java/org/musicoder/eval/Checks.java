package org.musicoder.eval;

/** Argument checks shared by the metrics: one message naming the argument and the reason. */
final class Checks {
    private Checks() {}

    /** Fails unless {@code a} and {@code b} have the same, non-zero length. */
    static void sameLength(String what, int a, int b) {
        if (a != b) throw new IllegalArgumentException(what + ": lengths differ (" + a + " vs " + b + ")");
        if (a == 0) throw new IllegalArgumentException(what + ": no samples");
    }

    /** Fails on a NaN or infinite score, naming its index. */
    static void finite(String what, double[] scores) {
        for (int i = 0; i < scores.length; i++)
            if (!Double.isFinite(scores[i]))
                throw new IllegalArgumentException(what + ": score " + i + " is " + scores[i] + " (must be finite)");
    }

    /**
     * Fails unless {@code scores} and {@code labels} are both {@code clips x tags} with the same, non-zero sizes.
     *
     * @return the number of tags
     */
    static int matrices(String what, double[][] scores, boolean[][] labels) {
        sameLength(what + " (clips)", scores.length, labels.length);
        int tags = scores[0].length;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i].length != tags || labels[i].length != tags)
                throw new IllegalArgumentException(what + ": clip " + i + " has " + scores[i].length + " scores and "
                        + labels[i].length + " labels, expected " + tags + " of each");
        }
        if (tags == 0) throw new IllegalArgumentException(what + ": no tags");
        return tags;
    }
}
