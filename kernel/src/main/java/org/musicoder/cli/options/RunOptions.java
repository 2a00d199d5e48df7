package org.musicoder.cli.options;

import picocli.CommandLine.Option;

/**
 * Where and with how many threads a training command runs ({@code pretrain}, {@code finetune}, {@code table5},
 * {@code table6}). The magics take the device from {@code %device} and use the kernel's threads instead.
 */
public final class RunOptions {
    @Option(names = "--threads", paramLabel = "T", defaultValue = "2", description = "PyTorch threads, also feature threads (default 2).")
    public int threads;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = "cpu", completionCandidates = Candidates.Devices.class,
            description = "Where to train (default cpu).")
    public String device;

    /** @return what is wrong with these values (one line naming the option), or null */
    public String check() {
        if (threads < 1) return "--threads must be >= 1, got " + threads;
        if (!device.equals("cpu") && !device.equals("gpu")) return "--device must be cpu or gpu, got " + device;
        return null;
    }
}
