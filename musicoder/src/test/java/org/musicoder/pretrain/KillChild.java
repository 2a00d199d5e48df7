package org.musicoder.pretrain;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.masking.Objective;
import org.musicoder.model.Engines;

/**
 * The child JVM of {@link KillTest}. {@code KillChild OUT}: trains (or resumes) tiny on the synthetic clips, a
 * checkpoint every step. {@code KillChild OUT save-loop}: takes one step, then rewrites the checkpoint of step 1 and
 * of step 2 alternately, forever (so that a kill lands inside a write).
 */
public final class KillChild {
    static final int STEPS = 150;

    static PretrainOptions options() {
        return ResumeTest.options(Objective.CFM_CCM, 11);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        var engine = Engines.pytorch(1);
        if (args.length > 1 && args[1].equals("save-loop")) {
            try (Pretrainer p = Pretrainer.start(engine, Device.cpu(), ResumeTest.TINY, options(), ResumeTest.CLIPS)) {
                p.step();
                Checkpoint one = p.checkpoint();
                p.step();
                Checkpoint two = p.checkpoint();
                Files.createDirectories(out);
                System.out.println("saving");
                System.out.flush();
                for (long i = 0; ; i++) (i % 2 == 0 ? one : two).save(out.resolve(Checkpoint.FILE));
            }
        }
        if (Files.exists(out.resolve(Checkpoint.FILE)))
            TrainingRun.resume(engine, Device.cpu(), ResumeTest.CLIPS, out, STEPS, 1, null);
        else
            TrainingRun.start(engine, Device.cpu(), ResumeTest.TINY, options(), ResumeTest.CLIPS, out, STEPS, 1, null);
        System.exit(0);
    }
}
