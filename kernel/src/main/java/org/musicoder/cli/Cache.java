package org.musicoder.cli;

import java.nio.file.Path;

/** Where the command line keeps cached files. */
public final class Cache {
    private Cache() {}

    /** {@code $MUSICODER_CACHE}, else {@code $XDG_CACHE_HOME/musicoder}, else {@code ~/.cache/musicoder}. */
    public static Path defaultDir() {
        String env = System.getenv("MUSICODER_CACHE");
        if (env != null && !env.isBlank()) return Path.of(env);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "musicoder");
        return Path.of(System.getProperty("user.home"), ".cache", "musicoder");
    }
}
