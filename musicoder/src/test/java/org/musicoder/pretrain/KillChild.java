package org.musicoder.pretrain;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.masking.Objective;
import org.musicoder.model.Engines;

/** The child JVM of {@link KillTest}: trains (or resumes) tiny on the synthetic clips, a checkpoint every step. */
public final class KillChild {
    static final int STEPS = 150;

    static PretrainOptions options() {
        return ResumeTest.options(Objective.CFM_CCM, 11);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        var engine = Engines.pytorch(1);
        if (Files.exists(out.resolve(Checkpoint.FILE)))
            TrainingRun.resume(engine, Device.cpu(), ResumeTest.CLIPS, out, STEPS, 1, null);
        else
            TrainingRun.start(engine, Device.cpu(), ResumeTest.TINY, options(), ResumeTest.CLIPS, out, STEPS, 1, null);
        System.exit(0);
    }
}
