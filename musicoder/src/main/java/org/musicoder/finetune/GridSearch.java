package org.musicoder.finetune;

import java.io.IOException;
import java.util.List;

/**
 * Runs every point of a grid and keeps the best on validation (paper Table 4: "the best on validation is kept").
 * The best is the highest score; on a tie the earlier point in grid order; a NaN score never beats a number (if
 * every score is NaN, the first point is kept). Only the best point's result is held, so memory stays at one
 * model's weights.
 */
public final class GridSearch {
    private GridSearch() {}

    /**
     * One grid point's outcome.
     *
     * @param score its validation score
     * @param value what to keep if it is the best (e.g. the weights)
     * @param <T> the kept value's type
     */
    public record Scored<T>(double score, T value) {}

    /**
     * Trains and scores one grid point.
     *
     * @param <T> the kept value's type
     */
    @FunctionalInterface
    public interface Trial<T> {
        /**
         * @param index the point's position in the grid, from 0
         * @param point the hyper-parameters
         * @return its validation score and value
         * @throws IOException if reading or writing fails
         */
        Scored<T> run(int index, GridPoint point) throws IOException;
    }

    /**
     * What the search found.
     *
     * @param points the grid's points, in order
     * @param scores the validation score of each point
     * @param best the index of the kept point
     * @param value the kept point's value
     * @param <T> the kept value's type
     */
    public record Result<T>(List<GridPoint> points, double[] scores, int best, T value) {
        /** The kept point. */
        public GridPoint bestPoint() {
            return points.get(best);
        }

        /** The kept point's score. */
        public double bestScore() {
            return scores[best];
        }
    }

    /**
     * @param points the grid's points (at least one)
     * @param trial trains and scores a point
     * @param <T> the kept value's type
     * @return the scores and the best point's value
     * @throws IOException if a trial fails
     */
    public static <T> Result<T> run(List<GridPoint> points, Trial<T> trial) throws IOException {
        if (points.isEmpty()) throw new IllegalArgumentException("grid search: no points");
        double[] scores = new double[points.size()];
        int best = -1;
        T value = null;
        for (int i = 0; i < points.size(); i++) {
            Scored<T> s = trial.run(i, points.get(i));
            scores[i] = s.score();
            if (best < 0 || better(s.score(), scores[best])) {
                best = i;
                value = s.value();
            }
        }
        return new Result<>(List.copyOf(points), scores, best, value);
    }

    /** Whether {@code a} beats the incumbent {@code b}: strictly greater, or a number against NaN. */
    static boolean better(double a, double b) {
        if (Double.isNaN(a)) return false;
        return Double.isNaN(b) || a > b;
    }
}
