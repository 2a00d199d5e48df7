package org.musicoder.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import org.musicoder.kernel.view.LossCurve;
import org.musicoder.model.MusiCoderModel;
import org.musicoder.pretrain.Pretrainer;
import org.musicoder.pretrain.StepResult;

/**
 * A model {@code %pretrain} trained in this session ({@code pretrained}): the trainer (model, recipe, state) and
 * its steps. Kept until the next {@code %pretrain} replaces it (which frees this one's native memory).
 */
public final class Pretrained implements AutoCloseable {
    private final Pretrainer trainer;
    private final String data;
    private final List<StepResult> history = new ArrayList<>();
    private final LossCurve curve;

    /**
     * @param trainer the trainer (owned: closed by {@link #close()})
     * @param data    what it trains on ({@code demo} or a folder)
     */
    Pretrained(Pretrainer trainer, String data) {
        this.trainer = trainer;
        this.data = data;
        this.curve = new LossCurve(trainer.model().config().name() + " on " + data + ", objective "
                + trainer.options().objective());
    }

    synchronized void add(StepResult r) {
        history.add(r);
        curve.add(r);
    }

    /** The loss curve (drawn as a figure; a cell whose value is {@code pretrained} shows it). */
    public LossCurve curve() {
        return curve;
    }

    /** The trained model (DJL block; eval with {@code org.musicoder.model.Inference}). */
    public MusiCoderModel model() {
        return trainer.model();
    }

    /** The trainer: options, step count, checkpoint of the state. */
    public Pretrainer trainer() {
        return trainer;
    }

    /** The steps done in this session, in order. */
    public synchronized List<StepResult> history() {
        return List.copyOf(history);
    }

    /** The training loss of each step in {@link #history()}. */
    public synchronized double[] losses() {
        return history.stream().mapToDouble(StepResult::loss).toArray();
    }

    /** What it trained on. */
    public String data() {
        return data;
    }

    @Override
    public void close() {
        trainer.close();
    }

    @Override
    public String toString() {
        return trainer.model().config().describe() + ", " + trainer.steps() + " steps on " + data
                + (history.isEmpty() ? "" : String.format(java.util.Locale.ROOT, ", last loss %.4f", history.get(history.size() - 1).loss()));
    }
}
