package org.musicoder.kernel.magic;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musicoder.kernel.view.LossCurve;
import org.musicoder.kernel.view.LossPoint;
import org.musicoder.model.MusiCoderModel;
import org.musicoder.pretrain.Pretrainer;
import org.musicoder.pretrain.StepResult;

/**
 * The session's pretrained model ({@code pretrained}): one {@code %pretrain} trained (the trainer: model, recipe,
 * state, and its steps), or one {@code %pretrained} loaded (the model alone). Kept until the next {@code %pretrain}
 * or {@code %pretrained} replaces it (which frees this one's native memory).
 */
public final class Pretrained implements AutoCloseable {
    private final Pretrainer trainer; // null for a loaded model
    private final MusiCoderModel loaded;
    private final NDManager manager;  // owns a loaded model's arrays
    private final String data;
    private final List<StepResult> history = new ArrayList<>();
    private final LossCurve curve;

    /**
     * @param trainer the trainer (owned: closed by {@link #close()})
     * @param data    what it trains on ({@code demo} or a folder)
     */
    Pretrained(Pretrainer trainer, String data) {
        this.trainer = trainer;
        this.loaded = null;
        this.manager = null;
        this.data = data;
        this.curve = new LossCurve(trainer.model().config().name() + " on " + data + ", objective "
                + trainer.options().objective());
    }

    /**
     * @param model   a model loaded from weights (not trained in this session)
     * @param manager the manager holding its arrays (owned: closed by {@link #close()})
     * @param source  where it came from ({@code demo} or a path)
     */
    Pretrained(MusiCoderModel model, NDManager manager, String source) {
        this.trainer = null;
        this.loaded = model;
        this.manager = manager;
        this.data = source;
        this.curve = new LossCurve(model.config().name() + " loaded from " + source);
    }

    /**
     * Puts a resumed run's earlier steps on the curve (not in {@link #history()}, which holds this session's).
     *
     * @param log the run's {@code log.jsonl}, holding the steps up to the checkpoint's
     * @throws IOException if it cannot be read
     */
    synchronized void earlier(Path log) throws IOException {
        if (!Files.isRegularFile(log)) return;
        for (LossPoint p : LossCurve.read(log, "").points()) curve.add(p.step(), p.loss(), p.lr());
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
        return trainer != null ? trainer.model() : loaded;
    }

    /** The trainer: options, step count, checkpoint of the state; null for a model loaded by {@code %pretrained}. */
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

    /** What it trained on ({@code %pretrain}), or where it was loaded from ({@code %pretrained}). */
    public String data() {
        return data;
    }

    @Override
    public void close() {
        if (trainer != null) trainer.close();
        if (manager != null) manager.close();
    }

    @Override
    public String toString() {
        if (trainer == null) return loaded.config().describe() + ", loaded from " + data;
        return trainer.model().config().describe() + ", " + trainer.steps() + " steps on " + data
                + (history.isEmpty() ? "" : String.format(java.util.Locale.ROOT, ", last loss %.4f", history.get(history.size() - 1).loss()));
    }
}
