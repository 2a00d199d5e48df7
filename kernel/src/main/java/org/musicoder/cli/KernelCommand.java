package org.musicoder.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.musicoder.kernel.KernelSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musicoder kernel install [--user|--prefix P]}: the Jupyter kernelspec "MusiCoder (Java)". */
@Command(name = "kernel", mixinStandardHelpOptions = true, description = "The MusiCoder Jupyter kernel.",
        subcommands = KernelCommand.Install.class)
final class KernelCommand {
    /** Writes the kernelspec. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install the Jupyter kernelspec 'musicoder' (display name \"MusiCoder (Java)\"); then "
                    + "'jupyter kernelspec list' shows it and Jupyter runs it.",
                    "The kernel runs on this java with this build's class path; JVM options from MUSICODER_JAVA_OPTS (default: a heap of at most a third of the memory, G1 collecting when idle; docs/soak.md).",
                    "A snapshot of the build's classes and a class-data archive go into the kernelspec (faster start): "
                            + "install again after rebuilding."})
    static final class Install implements Callable<Integer> {
        @Spec CommandSpec spec;

        static final class Where {
            @Option(names = "--user", description = "Into the user's Jupyter data folder (default): $JUPYTER_DATA_DIR, else ~/.local/share/jupyter.")
            boolean user;

            @Option(names = "--prefix", paramLabel = "P", description = "Into P/share/jupyter/kernels (e.g. a virtualenv or /usr/local).")
            Path prefix;
        }

        @ArgGroup(exclusive = true)
        Where where;

        @Option(names = "--no-archive", description = "Skip the class-data archive (faster install, slower kernel start; "
                + "the kernelspec then uses the build's folders directly and needs no reinstall after rebuilding).")
        boolean noArchive;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path kernels = where != null && where.prefix != null ? KernelSpec.prefixKernels(where.prefix) : KernelSpec.userKernels();
            List<String> jvm = KernelSpec.jvmOptions(System.getenv("MUSICODER_JAVA_OPTS"));
            if (!noArchive) out.println("recording the kernel's class-data archive (a JVM starts the kernel once) ...");
            out.flush();
            Path dir = KernelSpec.install(kernels, KernelSpec.currentJava(), jvm, KernelSpec.currentClassPath(), !noArchive);
            out.println("installed kernelspec " + KernelSpec.NAME + " (\"" + KernelSpec.DISPLAY_NAME + "\") in " + dir);
            if (where != null && where.prefix != null)
                out.println("Jupyter finds it with JUPYTER_PATH=" + where.prefix.resolve("share").resolve("jupyter"));
            out.flush();
            return 0;
        }
    }
}
