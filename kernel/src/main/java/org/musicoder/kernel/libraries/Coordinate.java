package org.musicoder.kernel.libraries;

/**
 * A Maven artifact's name and version.
 *
 * @param groupId    e.g. {@code org.apache.commons}
 * @param artifactId e.g. {@code commons-text}
 * @param version    e.g. {@code 1.12.0}
 */
public record Coordinate(String groupId, String artifactId, String version) {
    /** {@code group:artifact}, the key two versions of one library share. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
