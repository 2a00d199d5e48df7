package org.musicoder.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musicoder.kernel.java.JavaSession;
import org.musicoder.kernel.libraries.JarPaths;
import org.musicoder.kernel.libraries.LibraryException;
import org.musicoder.kernel.libraries.Libraries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %jars PATH_OR_GLOB ...}: adds local jars to the Java session. */
@Command(mixinStandardHelpOptions = true,
        description = {"Add local jars to the Java session; later cells use their classes.",
                "A folder adds the jars in it; a glob (lib/*.jar, ~/jars/**.jar) adds those it matches. A jar of one "
                + "of the kernel's own artifacts is not added (the kernel's version is kept, with a warning)."})
final class JarsMagic implements Magic {
    @Parameters(arity = "1..*", paramLabel = "PATH_OR_GLOB",
            description = "Jar files, folders or globs; relative to the kernel's working folder.")
    List<String> paths = new ArrayList<>();

    @Override
    public void run(MagicContext ctx) throws Exception {
        JavaSession java = ctx.java();
        Path base = Path.of("").toAbsolutePath();
        try {
            List<Path> jars = new ArrayList<>();
            for (String p : paths) jars.addAll(JarPaths.expand(p, base));
            for (Path jar : jars) ctx.out().println(Libraries.add(java, jar));
        } catch (LibraryException e) {
            throw new MagicException(e.getMessage());
        }
    }
}
