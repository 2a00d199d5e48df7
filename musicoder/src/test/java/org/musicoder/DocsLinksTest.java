package org.musicoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link and image in {@code README.md} and {@code docs/} points at a file that exists, and every
 * {@code #anchor} at a heading of its file (GitHub's anchors: lowercase, spaces to hyphens, punctuation dropped,
 * {@code -1}, {@code -2} for repeated headings). Links inside code (fenced blocks, backtick spans) are not links.
 * External links (any {@code scheme:}) are not fetched.
 */
class DocsLinksTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)((?:(?!\\n\\s*\\n).)+?)\\1", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile(
            "!?\\[((?:[^\\]\\n]|\\n(?!\\s*\\n))*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]\\n]+\\]:[ \\t]*<?([^\\s>]+)>?",
            Pattern.MULTILINE);
    private static final Pattern HTML = Pattern.compile("<(?:img|a)\\s[^>]*?(?:src|href)\\s*=\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_ID = Pattern.compile("<a\\s[^>]*?(?:name|id)\\s*=\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** A link found in a Markdown file: where it stands and what it points at. */
    record Link(Path file, int line, String target) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.size() >= 2, () -> "README.md and docs/*.md expected under " + ROOT + ", found " + pages);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path page : pages) {
            for (Link link : links(page)) {
                checked++;
                String problem = problem(link, anchors);
                if (problem != null) broken.add(link.where() + ": " + link.target() + ": " + problem);
            }
        }
        System.out.println("DocsLinksTest: " + checked + " relative links in " + pages.size() + " pages");
        assertTrue(checked > 0, "no relative link found: is the link pattern right?");
        assertTrue(broken.isEmpty(), () -> broken.size() + " broken link(s):\n  " + String.join("\n  ", broken));
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertEquals("quick-start", slug("Quick start"));
        assertEquals("fine-tuning-and-tables-orgmusicoderfinetune-paper-section-4",
                slug("Fine-tuning and tables (`org.musicoder.finetune`, paper section 4)"));
        assertEquals("31-32-the-encoder", slug("3.1-3.2: the encoder"));
        assertEquals("the-log_cqt-block", slug("The `log_cqt` block"));
        assertEquals("links-and-bold", slug("[Links](x.md) and **bold**"));
        Set<String> seen = new LinkedHashSet<>();
        List<String> made = new ArrayList<>();
        for (String h : List.of("Reproduce", "Reproduce", "Reproduce")) made.add(unique(slug(h), seen));
        assertEquals(List.of("reproduce", "reproduce-1", "reproduce-2"), made);
    }

    @Test
    void aBrokenLinkOrAnchorIsFound(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path page = tmp.resolve("page.md");
        Files.writeString(page, String.join("\n",
                "# Title", "## A section", "[ok](page.md#a-section) [self](#title) [gone](missing.md)",
                "![img](nothing.png) [bad anchor](page.md#no-such-heading) [web](https://example.org/x)",
                "`[code](not-a-link.md)`", "```", "[fenced](not-a-link-either.md)", "```", "[a link over",
                "two lines](gone-too.md) and `code over", "two lines [x](no.md)`", ""));
        List<String> problems = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Link link : links(page)) {
            String p = problem(link, anchors);
            if (p != null) problems.add(link.line() + " " + link.target());
        }
        assertEquals(List.of("3 missing.md", "4 nothing.png", "4 page.md#no-such-heading", "9 gone-too.md"), problems);
    }

    /** README.md and every Markdown file below docs/. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> s = Files.walk(docs)) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }

    /**
     * The relative links of a page (external ones left out), outside code. Fenced blocks and backtick spans are
     * blanked first (newlines kept), so a link whose text runs over a line break is still found, at its first line.
     */
    static List<Link> links(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        String fence = null;
        for (String line : lines) {
            Matcher f = FENCE.matcher(line);
            boolean inCode = fence != null;
            if (f.find()) {
                String mark = f.group(1);
                if (fence == null) fence = mark;
                else if (mark.charAt(0) == fence.charAt(0) && mark.length() >= fence.length()) fence = null;
                inCode = true;
            }
            text.append(inCode ? "" : line).append('\n');
        }
        String prose = blank(text.toString(), CODE_SPAN);
        int[] lineStarts = lineStarts(prose);
        List<Link> out = new ArrayList<>();
        List<int[]> found = new ArrayList<>();
        for (Matcher m = INLINE.matcher(prose); m.find(); ) found.add(new int[] {m.start(), m.start(2), m.end(2)});
        for (Matcher m = HTML.matcher(prose); m.find(); ) found.add(new int[] {m.start(), m.start(1), m.end(1)});
        for (Matcher m = REFERENCE.matcher(prose); m.find(); ) found.add(new int[] {m.start(), m.start(1), m.end(1)});
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int[] f : found) {
            String t = prose.substring(f[1], f[2]);
            if (t.isEmpty() || SCHEME.matcher(t).find()) continue;
            out.add(new Link(page, lineOf(lineStarts, f[0]), t));
        }
        return out;
    }

    /** The text with every match of the pattern replaced by spaces, its newlines kept (offsets stay the same). */
    private static String blank(String text, Pattern pattern) {
        StringBuilder b = new StringBuilder(text);
        for (Matcher m = pattern.matcher(text); m.find(); ) {
            for (int i = m.start(); i < m.end(); i++) if (b.charAt(i) != '\n') b.setCharAt(i, ' ');
        }
        return b.toString();
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line of an offset. */
    private static int lineOf(int[] lineStarts, int offset) {
        int i = java.util.Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** Why a link is broken, or null. */
    static String problem(Link link, Map<Path, Set<String>> anchors) throws IOException {
        String target = link.target();
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = path.isEmpty() ? link.file() : link.file().getParent().resolve(path).normalize();
        if (!Files.exists(file)) return "no such file " + (path.isEmpty() ? link.file() : ROOT.relativize(file));
        if (anchor == null || anchor.isEmpty() || !file.toString().endsWith(".md") || Files.isDirectory(file)) {
            return null;
        }
        Set<String> known = anchors.get(file);
        if (known == null) {
            known = anchorsOf(file);
            anchors.put(file, known);
        }
        String wanted = URLDecoder.decode(anchor, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return known.contains(wanted) ? null : "no heading of " + file.getFileName() + " makes the anchor #" + anchor;
    }

    /** The anchors GitHub makes for a Markdown file's headings, and its explicit {@code <a name/id>} anchors. */
    static Set<String> anchorsOf(Path file) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        String fence = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher f = FENCE.matcher(line);
            if (f.find()) {
                String mark = f.group(1);
                if (fence == null) fence = mark;
                else if (mark.charAt(0) == fence.charAt(0) && mark.length() >= fence.length()) fence = null;
                continue;
            }
            if (fence != null) continue;
            Matcher h = HEADING.matcher(line);
            if (h.matches()) unique(slug(h.group(1)), seen);
            for (Matcher a = HTML_ID.matcher(line); a.find(); ) seen.add(a.group(1).toLowerCase(Locale.ROOT));
        }
        return seen;
    }

    /** GitHub's anchor of a heading's text: links to their text, markup and punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
        text = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M}_\\- ]", "");
        return text.replace(' ', '-');
    }

    /** The slug, with GitHub's -1, -2 ... for a repeated heading; recorded in seen. */
    static String unique(String slug, Set<String> seen) {
        String s = slug;
        for (int n = 1; seen.contains(s); n++) s = slug + "-" + n;
        seen.add(s);
        return s;
    }
}
