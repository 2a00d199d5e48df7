package org.musicoder.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** License look-up in machine-readable copyright files, on stanzas shaped like ufoai-music's and hyperrogue-music's. */
class Dep5Test {
    static final String TEXT = """
            Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
            Upstream-Name: example

            Files: *
            Copyright: 2002-2014, The Team
            License: GPL-2+

            Files: debian/*
            Copyright: 2013-2020, A Maintainer
            License: GPL-2+

            Files:
             base/music/David01.ogg
             base/music/David0?.ogg
            Copyright: David
                       and friends
            License: CC-BY-3.0

            Files: music/hr3-*.ogg sounds/*
            Copyright: Shawn
            License: CC-BY-SA-3.0
             Creative Commons Attribution-ShareAlike 3.0 Unported
             .
             the text

            License: GPL-2+
             On Debian systems ...
            """;

    @Test
    void lastMatchingStanzaWinsOnTrailingSegments() {
        Dep5 d = Dep5.parse(TEXT);
        assertEquals("CC-BY-3.0", d.license("usr/share/games/x/base/music/David01.ogg"));
        assertEquals("CC-BY-3.0", d.license("usr/share/games/x/base/music/David02.ogg"));
        assertEquals("(c) David; and friends", d.copyright("usr/share/games/x/base/music/David02.ogg"));
        assertEquals("GPL-2+", d.license("usr/share/games/x/base/music/Other.ogg"));
        assertEquals("CC-BY-SA-3.0", d.license("usr/share/hyperrogue/music/hr3-caves.ogg"));
        assertEquals("GPL-2+", d.license("usr/share/hyperrogue/music/hr-domina.ogg"));
        // "debian/*" must not match a music file just because its last segment is "*"
        assertEquals("(c) 2002-2014, The Team", d.copyright("usr/share/x/music/a.ogg"));
    }

    @Test
    void aFileThatIsNotDep5HasNoMatch() {
        Dep5 d = Dep5.parse("This package was debianized by someone.\n\nCopyright (C) 2003 David White\n");
        assertEquals("see copyright file", d.license("usr/share/games/wesnoth/music/a.ogg"));
    }
}
