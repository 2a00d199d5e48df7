package org.musicoder.pretrain;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.musicoder.model.ModelWeights;

/**
 * The output folder of a pretraining run, written step by step: {@link TrainLog#FILE} (a line per step),
 * {@link Checkpoint#FILE} (every K steps and at the target step) and {@link TrainingRun#MODEL} (the weights of
 * each checkpoint). {@link TrainingRun} drives it in a loop; the kernel's {@code %pretrain} drives it one step at
 * a time and calls {@link #finish} when interrupted, so the folder holds the last step done.
 */
public final class RunFolder implements Closeable {
    private final Pretrainer trainer;
    private final Path out;
    private final int every;
    private final long target;
    private final TrainLog log;
    private long checkpointed;
    private boolean modelSaved;

    private RunFolder(Pretrainer trainer, Path out, int every, long target, TrainLog log) {
        this.trainer = trainer;
        this.out = out;
        this.every = every;
        this.target = target;
        this.log = log;
        this.checkpointed = trainer.steps();
    }

    /**
     * Opens the folder for a trainer that is new (step 0: the log is emptied) or resumed from this folder's
     * checkpoint (the log keeps the steps up to it and loses the ones after, e.g. of a killed run).
     *
     * @param trainer the trainer (not owned)
     * @param out     the output folder (created if needed)
     * @param every   checkpoint interval in steps, at least 1
     * @param target  the step the run stops at (it is checkpointed too)
     * @return the folder
     * @throws IOException if the log cannot be opened
     * @throws IllegalArgumentException if {@code every < 1}
     */
    public static RunFolder open(Pretrainer trainer, Path out, int every, long target) throws IOException {
        if (every < 1) throw new IllegalArgumentException("pretraining: checkpoint interval must be >= 1, got " + every);
        Files.createDirectories(out);
        return new RunFolder(trainer, out, every, target, TrainLog.open(out.resolve(TrainLog.FILE), trainer.steps()));
    }

    /**
     * Trains one step, logs it and, every K steps and at the target, writes the checkpoint and the weights.
     *
     * @return the step
     * @throws IOException if a file cannot be written
     */
    public StepResult step() throws IOException {
        long t0 = System.nanoTime();
        StepResult r = trainer.step();
        trainer.addSeconds((System.nanoTime() - t0) / 1e9);
        log.append(r, trainer.seconds());
        modelSaved = false;
        if (r.step() % every == 0 || r.step() == target) save();
        return r;
    }

    /**
     * Writes the checkpoint of the last step if it has none yet (a run stopped between checkpoints), and the
     * weights if this session has not written them at that step (a resume with nothing left to train).
     *
     * @throws IOException if a file cannot be written
     */
    public void finish() throws IOException {
        if (trainer.steps() > checkpointed) save();
        else if (!modelSaved) saveModel();
    }

    private void save() throws IOException {
        trainer.checkpoint().save(out.resolve(Checkpoint.FILE));
        checkpointed = trainer.steps();
        saveModel();
    }

    /** Writes the weights atomically (a reader never sees a half-written file). */
    private void saveModel() throws IOException {
        Path part = out.resolve(TrainingRun.MODEL + ".part");
        ModelWeights.save(trainer.model(), part);
        Files.move(part, out.resolve(TrainingRun.MODEL), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        modelSaved = true;
    }

    /** Closes the log (without {@link #finish}). */
    @Override
    public void close() throws IOException {
        log.close();
    }
}
