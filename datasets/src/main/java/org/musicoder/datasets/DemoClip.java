package org.musicoder.datasets;

import java.util.List;

/**
 * One clip of the {@link DemoCorpus}: 10 s of music with its labels and provenance.
 *
 * @param id            clip id, also the file name without {@code .ogg} (e.g. {@code metal-chaos-god-a})
 * @param styleClass    style class of the source (e.g. {@code orchestral}); a source style, not a genre label
 * @param tags          multi-label tags: the class's style tags plus a loudness tag ({@code soft}, {@code moderate},
 *                      {@code loud}) measured on the clip
 * @param split         split of the clip's source track
 * @param sourceTrack   Debian package and path of the original file, {@code package:path}
 * @param offsetSeconds start of the clip in the source track, in seconds
 * @param license       SPDX license expression of the clip
 * @param attribution   title, author, package and version, original file name
 */
public record DemoClip(
        String id,
        String styleClass,
        List<String> tags,
        SplitPart split,
        String sourceTrack,
        double offsetSeconds,
        String license,
        String attribution) {

    public DemoClip {
        tags = List.copyOf(tags);
    }

    /** The clip's file name, {@code id + ".ogg"}. */
    public String fileName() {
        return id + ".ogg";
    }
}
