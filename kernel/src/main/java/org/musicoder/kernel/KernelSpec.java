package org.musicoder.kernel;

import com.google.gson.GsonBuilder;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jupyter kernelspec {@value #NAME}: a folder {@code kernels/musicoder} holding {@code kernel.json}, whose
 * {@code argv} starts this JVM's {@code java} on {@link KernelMain} with the project's class path.
 *
 * <p>With a class-data archive (the default of {@code kernel install}), the class path's folders are copied into
 * jars in the kernelspec (the JVM archives classes from jars only), and a JVM started once with
 * {@code --warm-up} records the classes the kernel and JShell load into {@value #ARCHIVE}; later kernels map
 * them instead of loading and verifying them, which cuts the time to the first reply (docs/benchmarks.md).
 * The kernelspec is then a snapshot of the build: install again after rebuilding. A missing or outdated archive
 * is ignored by the JVM (the kernel just starts slower).
 */
public final class KernelSpec {
    /** The kernelspec's name ({@code jupyter kernelspec list}, {@code --kernel musicoder}). */
    public static final String NAME = "musicoder";
    /** The name Jupyter shows. */
    public static final String DISPLAY_NAME = "MusiCoder (Java)";
    /** The class-data archive's file name in the kernelspec folder. */
    public static final String ARCHIVE = "musicoder.jsa";
    private static final List<String> QUIET_CDS = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    /**
     * The kernel's JVM options unless {@code MUSICODER_JAVA_OPTS} gives others (docs/soak.md): a heap of at most a
     * third of the machine's memory (8 GB on 24 GB, as the former fixed {@code -Xmx8g}), G1 with a collection each
     * minute of an idle kernel, which gives the heap a notebook no longer uses back to the system, and, on a JVM that
     * has the flag (17.0.9 and later), the C heap trimmed each minute (libtorch's freed memory stayed in glibc).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = defaultJvmOptions();

    private KernelSpec() {}

    /**
     * Writes {@code kernelsDir/musicoder/kernel.json} (replacing an older one).
     *
     * @param kernelsDir  a Jupyter {@code kernels} folder (see {@link #userKernels()}, {@link #prefixKernels})
     * @param java        the {@code java} executable the kernel runs on
     * @param jvmOptions  options before the class path (e.g. {@code -Xmx8g})
     * @param classPath   the kernel's class path (absolute entries), also what Java cells compile against
     * @param archive     also copy the class path's folders into jars and record a class-data archive
     * @return the kernelspec folder
     * @throws IOException if it cannot be written, or the archive's warm-up JVM fails (the message says why)
     */
    public static Path install(Path kernelsDir, Path java, List<String> jvmOptions, String classPath, boolean archive)
            throws IOException, InterruptedException {
        Path dir = kernelsDir.resolve(NAME);
        Files.createDirectories(dir);
        String cp = archive ? ClassPathJars.jarFolders(classPath, dir.resolve("classes")) : classPath;
        List<String> jvm = new ArrayList<>(jvmOptions);
        if (archive) {
            Path jsa = dir.resolve(ARCHIVE);
            Files.deleteIfExists(jsa);
            List<String> dump = new ArrayList<>(List.of(java.toString()));
            dump.addAll(jvmOptions);
            dump.add("-XX:ArchiveClassesAtExit=" + jsa);
            dump.addAll(QUIET_CDS);
            dump.addAll(List.of("-cp", cp, KernelMain.class.getName(), "--warm-up"));
            Path log = dir.resolve("warm-up.log");
            Process p = new ProcessBuilder(dump).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (p.waitFor() != 0 || !Files.isRegularFile(jsa))
                throw new IOException("kernel install: the class-data archive was not recorded (exit " + p.exitValue()
                        + "; see " + log + "); install with --no-archive to skip it");
            Files.delete(log);
            jvm.add("-XX:SharedArchiveFile=" + jsa);
            jvm.addAll(QUIET_CDS);
        }
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvm);
        argv.add("-cp");
        argv.add(cp);
        argv.add(KernelMain.class.getName());
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("metadata", Map.of("debugger", false));
        Files.writeString(dir.resolve("kernel.json"), new GsonBuilder().setPrettyPrinting().create().toJson(spec) + "\n");
        return dir;
    }

    private static List<String> defaultJvmOptions() {
        List<String> o = new ArrayList<>(List.of("-XX:MaxRAMPercentage=33", "-XX:+UseG1GC", "-XX:G1PeriodicGCInterval=60000"));
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("TrimNativeHeapInterval");
            o.add("-XX:TrimNativeHeapInterval=60000");
        } catch (IllegalArgumentException e) {
            // an older JVM: no periodic trim
        }
        return List.copyOf(o);
    }

    /**
     * @param opts the value of {@code MUSICODER_JAVA_OPTS} (may be null)
     * @return its options split at blanks, or {@link #DEFAULT_JVM_OPTIONS} when it is unset or blank
     */
    public static List<String> jvmOptions(String opts) {
        return opts == null || opts.isBlank() ? DEFAULT_JVM_OPTIONS : List.of(opts.trim().split("\\s+"));
    }

    /** The user's kernels folder: {@code $JUPYTER_DATA_DIR/kernels}, else {@code $XDG_DATA_HOME/jupyter/kernels}, else {@code ~/.local/share/jupyter/kernels}. */
    public static Path userKernels() {
        String data = System.getenv("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) return Path.of(data, "kernels");
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("jupyter").resolve("kernels");
    }

    /** The kernels folder under an installation prefix: {@code PREFIX/share/jupyter/kernels}. */
    public static Path prefixKernels(Path prefix) {
        return prefix.resolve("share").resolve("jupyter").resolve("kernels");
    }

    /** The {@code java} executable of the running JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The running JVM's class path with absolute entries. */
    public static String currentClassPath() {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            if (!e.isBlank()) out.add(Path.of(e).toAbsolutePath().normalize().toString());
        return String.join(java.io.File.pathSeparator, out);
    }
}
