package org.musicoder.kernel.libraries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.JreProxySelector;

/**
 * Resolves Maven artifacts and their runtime dependencies with Maven Resolver and Maven 3's POM rules (nearest
 * version wins, as {@code mvn dependency:tree} shows), downloading what the local repository lacks. A proxy is taken
 * from the JVM's {@code http(s).proxyHost} properties (e.g. in {@code MUSICODER_JAVA_OPTS}); Maven's
 * {@code settings.xml} (mirrors, proxies, credentials) is not read.
 */
public final class ArtifactResolver {
    /** Maven Central. */
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private static RepositorySystem system;

    /**
     * Where and how to resolve.
     *
     * @param localRepository the local repository (downloads are cached there)
     * @param repositories    remote repositories searched after Maven Central (URLs)
     * @param offline         only the local repository, as {@code mvn -o}
     */
    public record Options(Path localRepository, List<String> repositories, boolean offline) {}

    /**
     * A resolved artifact.
     *
     * @param coordinate its coordinates
     * @param file       its jar in the local repository
     */
    public record Resolved(Coordinate coordinate, Path file) {}

    private ArtifactResolver() {}

    /** The user's local repository: {@code -Dmaven.repo.local}, else {@code ~/.m2/repository}. */
    public static Path defaultLocalRepository() {
        String prop = System.getProperty("maven.repo.local");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * @param text {@code group:artifact:version}, or {@code group:artifact:extension[:classifier]:version}
     * @return the artifact
     * @throws LibraryException if the text is not such a coordinate (names it)
     */
    static Artifact parse(String text) throws LibraryException {
        String[] parts = text.split(":", -1);
        boolean blank = false;
        for (String p : parts) blank |= p.isBlank();
        if (parts.length < 3 || parts.length > 5 || blank)
            throw new LibraryException("bad coordinate '" + text + "': expected group:artifact:version, e.g. "
                    + "org.apache.commons:commons-text:1.12.0");
        return new DefaultArtifact(text);
    }

    /**
     * Resolves artifacts and their runtime dependencies.
     *
     * @param coordinates the artifacts ({@link #parse} forms)
     * @param options     repositories and mode
     * @param log         receives one line per file downloaded
     * @return the artifacts and their runtime dependencies, each once, in resolution order
     * @throws LibraryException for a bad coordinate, or when resolution fails (names the artifact and the reason:
     *                          not found, no network, offline)
     */
    public static List<Resolved> resolve(List<String> coordinates, Options options, Consumer<String> log)
            throws LibraryException {
        CollectRequest collect = new CollectRequest();
        for (String c : coordinates) collect.addDependency(new Dependency(parse(c), JavaScopes.RUNTIME));
        RepositorySystem sys = system();
        List<RemoteRepository> remotes = new ArrayList<>();
        remotes.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());
        for (int i = 0; i < options.repositories().size(); i++)
            remotes.add(new RemoteRepository.Builder("repository-" + (i + 1), "default", options.repositories().get(i))
                    .build());
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(sys).get()
                .withLocalRepositoryBaseDirectories(options.localRepository())
                .setOffline(options.offline())
                .setSystemProperties(System.getProperties())
                .setTransferListener(new Downloads(log))
                .setProxySelector(new JreProxySelector())
                .build()) {
            collect.setRepositories(sys.newResolutionRepositories(session, remotes));
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Resolved> out = new ArrayList<>();
            for (ArtifactResult r : sys.resolveDependencies(session, request).getArtifactResults()) {
                Artifact a = r.getArtifact();
                out.add(new Resolved(new Coordinate(a.getGroupId(), a.getArtifactId(), a.getBaseVersion()), a.getPath()));
            }
            return out;
        } catch (DependencyResolutionException e) {
            throw new LibraryException("cannot resolve " + String.join(" ", coordinates) + ": " + reason(e));
        }
    }

    /** The deepest cause's message, on one line (Maven Resolver's own names the artifact and the repository). */
    static String reason(Throwable e) {
        String msg = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) if (t.getMessage() != null) msg = t.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static synchronized RepositorySystem system() {
        if (system == null) system = new RepositorySystemSupplier().get();
        return system;
    }

    /** One line per jar or POM downloaded. */
    private static final class Downloads extends AbstractTransferListener {
        private final Consumer<String> log;

        Downloads(Consumer<String> log) {
            this.log = log;
        }

        @Override
        public void transferSucceeded(TransferEvent event) {
            if (event.getRequestType() != TransferEvent.RequestType.GET) return;
            String name = event.getResource().getResourceName();
            if (!name.endsWith(".jar")) return;
            log.accept(String.format(Locale.ROOT, "downloaded %s from %s (%.0f kB)",
                    name.substring(name.lastIndexOf('/') + 1), event.getResource().getRepositoryId(),
                    event.getTransferredBytes() / 1e3));
        }
    }
}
