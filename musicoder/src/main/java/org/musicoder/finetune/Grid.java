package org.musicoder.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A hyper-parameter grid: every combination of the listed values, in the order batch, lr, epochs, dropout
 * (the last varies fastest).
 *
 * @param batch batch sizes
 * @param lr peak learning rates
 * @param epochs epoch counts
 * @param dropout dropout rates
 */
public record Grid(List<Integer> batch, List<Double> lr, List<Integer> epochs, List<Float> dropout) {
    /** The paper's Table 4: batch {16, 24, 32}, lr {2e-5, 3e-5, 5e-5}, epochs {2, 3, 4}, dropout {0.05, 0.1}. */
    public static final Grid PAPER = new Grid(List.of(16, 24, 32), List.of(2e-5, 3e-5, 5e-5), List.of(2, 3, 4),
            List.of(0.05f, 0.1f));
    /**
     * A demo grid for small encoders on the demo corpus (54 training clips): batch 8, lr {5e-4, 1e-3}, 16 epochs,
     * dropout 0.1 (2 points of 112 steps). The paper's learning rates barely move a small model in a hundred steps,
     * and 4 epochs (the earlier grid) stopped far short (docs/finetuning-and-tables.md).
     */
    public static final Grid SMALL = new Grid(List.of(8), List.of(5e-4, 1e-3), List.of(16), List.of(0.1f));
    /**
     * The linear probe's grid (frozen encoder, only the head learns, as in MARBLE's probing protocol, which
     * searches larger learning rates than fine-tuning): batch 16, lr {1e-3, 5e-3, 1e-2}, 30 epochs, dropout 0.1.
     */
    public static final Grid PROBE = new Grid(List.of(16), List.of(1e-3, 5e-3, 1e-2), List.of(30), List.of(0.1f));

    /** Copies the lists and checks that none is empty. */
    public Grid {
        batch = List.copyOf(batch);
        lr = List.copyOf(lr);
        epochs = List.copyOf(epochs);
        dropout = List.copyOf(dropout);
        if (batch.isEmpty() || lr.isEmpty() || epochs.isEmpty() || dropout.isEmpty())
            throw new IllegalArgumentException("grid: every list needs at least one value");
    }

    /**
     * Every combination.
     *
     * @return the points, batch outermost, dropout innermost
     */
    public List<GridPoint> points() {
        List<GridPoint> p = new ArrayList<>();
        for (int b : batch) for (double l : lr) for (int e : epochs) for (float d : dropout) p.add(new GridPoint(b, l, e, d));
        return p;
    }

    /**
     * A named grid or a specification.
     *
     * @param spec {@code paper}, {@code small}, {@code probe}, or e.g. {@code batch=8,16;lr=1e-3;epochs=4;dropout=0.1}
     *     (every key once, values separated by commas)
     * @return the grid
     * @throws IllegalArgumentException if the text is neither
     */
    public static Grid parse(String spec) {
        switch (spec.trim().toLowerCase(Locale.ROOT)) {
            case "paper": return PAPER;
            case "small": return SMALL;
            case "probe": return PROBE;
            default: break;
        }
        List<Integer> b = null, e = null;
        List<Double> l = null;
        List<Float> d = null;
        for (String part : spec.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) throw new IllegalArgumentException("grid '" + spec + "': expected paper, small, probe or key=v1,v2;... (keys batch, lr, epochs, dropout)");
            try {
                switch (kv[0].trim()) {
                    case "batch" -> b = values(kv[1], Integer::parseInt);
                    case "lr" -> l = values(kv[1], Double::parseDouble);
                    case "epochs" -> e = values(kv[1], Integer::parseInt);
                    case "dropout" -> d = values(kv[1], Float::parseFloat);
                    default -> throw new IllegalArgumentException("grid '" + spec + "': unknown key " + kv[0].trim());
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("grid '" + spec + "': " + kv[0].trim() + " has a value that is not a number");
            }
        }
        if (b == null || l == null || e == null || d == null)
            throw new IllegalArgumentException("grid '" + spec + "': needs batch, lr, epochs and dropout");
        return new Grid(b, l, e, d);
    }

    private static <T> List<T> values(String csv, Function<String, T> parse) {
        List<T> v = new ArrayList<>();
        for (String s : csv.split(",")) v.add(parse.apply(s.trim()));
        return v;
    }
}
