package org.musicoder.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * DJL's PyTorch engine, set up once per JVM: offline, a fixed thread count, and an explicit device.
 *
 * <p>Offline: unless the system property {@code ai.djl.offline} is already set, this class sets it from
 * {@code musicoder-build.properties} (written by Maven): {@code true} in the default build, where libtorch comes
 * from the {@code pytorch-native-cpu} jar and DJL unpacks it once to {@code ~/.djl.ai/pytorch} (about 430 MB),
 * so any attempt to download fails fast; {@code false} in the {@code cuda} profile, where DJL downloads the CUDA
 * libtorch on first use.
 *
 * <p>Threads: PyTorch's intra-op pool gets exactly the requested number of threads and its inter-op pool one
 * thread (eager mode does not use it), so that libtorch does not compete with the JVM's own threads.
 */
public final class Engines {
    /** DJL's name of the engine. */
    public static final String PYTORCH = "PyTorch";

    static {
        if (System.getProperty("ai.djl.offline") == null)
            System.setProperty("ai.djl.offline", buildProperty("ai.djl.offline", "true"));
    }

    private Engines() {}

    /**
     * Loads (first call) the PyTorch engine and sets its intra-op thread count.
     *
     * @param threads PyTorch intra-op threads, at least 1 (e.g. the cores left to training)
     * @return the engine
     */
    public static synchronized Engine pytorch(int threads) {
        if (threads < 1) throw new IllegalArgumentException("PyTorch threads must be at least 1, got " + threads);
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null)
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        Engine engine = Engine.getEngine(PYTORCH);
        if (JniUtils.getNumThreads() != threads) JniUtils.setNumThreads(threads);
        return engine;
    }

    /**
     * PyTorch's current intra-op thread count.
     *
     * @return the number of threads libtorch uses for one operation
     */
    public static int threads() {
        Engine.getEngine(PYTORCH);
        return JniUtils.getNumThreads();
    }

    /**
     * The device for {@code --device NAME}: {@code cpu}, or {@code gpu} (the first CUDA GPU). Never falls back
     * to the CPU silently.
     *
     * @param engine the engine (from {@link #pytorch(int)})
     * @param name {@code cpu} or {@code gpu}
     * @return the device
     * @throws IllegalArgumentException for another name
     * @throws IllegalStateException for {@code gpu} when the engine sees no GPU
     */
    public static Device device(Engine engine, String name) {
        switch (name) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                int gpus = engine.getGpuCount();
                if (gpus == 0)
                    throw new IllegalStateException("--device gpu: no CUDA GPU found (PyTorch " + engine.getVersion()
                            + " in this build sees 0 GPUs). On a machine with an NVIDIA GPU and driver, build with"
                            + " 'mvn -Pcuda' so DJL loads a CUDA libtorch (docs/pretraining.md, section GPU); otherwise"
                            + " use --device cpu.");
                return Device.gpu(0);
            default:
                throw new IllegalArgumentException("--device " + name + ": expected cpu or gpu");
        }
    }

    private static String buildProperty(String key, String fallback) {
        try (InputStream in = Engines.class.getResourceAsStream("/musicoder-build.properties")) {
            if (in == null) return fallback;
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, fallback);
        } catch (IOException e) {
            throw new UncheckedIOException("musicoder-build.properties: cannot be read", e);
        }
    }
}
