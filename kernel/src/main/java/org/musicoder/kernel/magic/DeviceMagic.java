package org.musicoder.kernel.magic;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.musicoder.cli.options.Candidates;
import org.musicoder.model.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code %device [cpu|gpu]}: loads DJL's PyTorch engine (the first magic that needs it does), shows what it sees. */
@Command(mixinStandardHelpOptions = true,
        description = {"Show what DJL's PyTorch engine sees (CPU, GPUs, threads) and choose where %%pretrain trains; also which "
                + "mode JavaScript cells (%%%%js) run in.",
                "Loads the engine on first use (a few seconds the first time: DJL unpacks libtorch)."})
final class DeviceMagic implements Magic {
    @Parameters(arity = "0..1", paramLabel = "cpu|gpu", completionCandidates = Candidates.Devices.class,
            description = "Train on the CPU or the first CUDA GPU from now on (default: keep the current choice, cpu at start).")
    String choice;

    @Override
    public void run(MagicContext ctx) throws Exception {
        String want = choice == null ? ctx.session().device() : choice;
        if (!want.equals("cpu") && !want.equals("gpu")) throw new MagicException("expected cpu or gpu, got '" + want + "'");
        Engine engine = Engines.pytorch(PretrainMagic.THREADS);
        Device device;
        try {
            device = Engines.device(engine, want);
        } catch (IllegalStateException e) {
            throw new MagicException(e.getMessage());
        }
        ctx.session().device(want);
        StringColumn key = StringColumn.create("property");
        StringColumn value = StringColumn.create("value");
        key.append("selected device").append("engine").append("GPUs seen").append("PyTorch threads").append("default device")
                .append("JavaScript (%%js)");
        value.append(device.toString()).append(engine.getEngineName() + " " + engine.getVersion())
                .append(Integer.toString(engine.getGpuCount())).append(Integer.toString(Engines.threads()))
                .append(engine.defaultDevice().toString()).append("GraalVM JS, " + ctx.session().jsMode());
        ctx.display(Table.create("device", key, value));
        ctx.bind(variable(), device, Device.class.getName());
    }

    @Override
    public String variable() {
        return "device";
    }
}
