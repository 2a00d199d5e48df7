package org.musicoder.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musicoder.kernel.java.JavaSession;
import org.musicoder.kernel.libraries.ArtifactResolver;
import org.musicoder.kernel.libraries.LibraryException;
import org.musicoder.kernel.libraries.Libraries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %maven g:a:v ...}: resolves artifacts with their runtime dependencies and adds them to the Java session. */
@Command(mixinStandardHelpOptions = true,
        description = {"Add Maven artifacts and their runtime dependencies to the Java session (from Maven Central, "
                + "cached in the local repository); later cells use their classes.",
                "Where an artifact is also one of the kernel's own jars, the kernel's version is kept, with a warning "
                + "naming both versions."})
final class MavenMagic implements Magic {
    @Parameters(arity = "1..*", paramLabel = "GROUP:ARTIFACT:VERSION",
            description = "Artifacts, e.g. org.apache.commons:commons-text:1.12.0 (also group:artifact:extension"
                    + "[:classifier]:version).")
    List<String> coordinates = new ArrayList<>();

    @Option(names = "--repository", paramLabel = "URL",
            description = "Another Maven repository to search after Maven Central (repeatable).")
    List<String> repositories = new ArrayList<>();

    @Option(names = "--local-repository", paramLabel = "DIR",
            description = "Local repository (default: -Dmaven.repo.local, else ~/.m2/repository).")
    Path localRepository;

    @Option(names = "--offline", description = "Use the local repository only, as mvn -o.")
    boolean offline;

    @Override
    public void run(MagicContext ctx) throws Exception {
        Path local = localRepository != null ? localRepository : ArtifactResolver.defaultLocalRepository();
        JavaSession java = ctx.java();
        try {
            List<ArtifactResolver.Resolved> jars = ArtifactResolver.resolve(coordinates,
                    new ArtifactResolver.Options(local, repositories, offline), ctx.out()::println);
            for (ArtifactResolver.Resolved r : jars) ctx.out().println(Libraries.add(java, r.file(), r.coordinate()));
        } catch (LibraryException e) {
            throw new MagicException(e.getMessage());
        }
    }
}
