package org.musicoder.kernel.magic;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.musicoder.datasets.DemoEncoder;
import org.musicoder.model.Engines;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %pretrained demo|DIR}: loads a pretrained encoder as the session's {@code pretrained}. */
@Command(mixinStandardHelpOptions = true,
        description = {"Load a pretrained encoder as the session's model, as if %%pretrain had trained it: %%finetune (its "
                + "default --model session) and Java cells (pretrained.model()) use it.",
                "The model goes to the session's device (%%device). demo is the encoder shipped with the project (datasets/.../demo/encoder/README.md says how it was trained "
                        + "and how well it rebuilds held-out clips). Binds `pretrained` (Pretrained: model())."})
final class PretrainedMagic implements Magic {
    @Parameters(paramLabel = "demo|DIR", description = "demo, a folder written by pretrain / %%pretrain --out, or its model.safetensors.")
    String model;

    @Override
    public void run(MagicContext ctx) throws Exception {
        Session s = ctx.session();
        Path weights;
        try {
            weights = DemoEncoder.weights(model, s.cache());
        } catch (IOException e) {
            throw new MagicException(e.getMessage());
        }
        Engine engine = Engines.pytorch(PretrainMagic.THREADS);
        NDManager manager = NDManager.newBaseManager(Engines.device(engine, s.device()), engine.getEngineName());
        MusiCoderModel m;
        try {
            m = ModelWeights.load(weights, manager);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw new MagicException(model + ": " + e.getMessage());
        }
        Pretrained p = new Pretrained(m, manager, model);
        s.pretrained(p);
        ctx.bind(variable(), p, Pretrained.class.getName());
        ctx.out().println(p);
    }

    @Override
    public String variable() {
        return "pretrained";
    }
}
