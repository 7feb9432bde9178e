package io.dvclint.lint;

import io.dvclint.findings.Suggest;
import io.dvclint.config.Config;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.findings.TextEdit;
import io.dvclint.model.DvcFile;
import io.dvclint.model.Project;
import io.dvclint.rules.Rule;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppression comments in YAML files:
 * <ul>
 * <li>{@code # dvclint: disable=rule-a,rule-b} at the end of a line suppresses those rules' findings on that
 * line; alone on a line it applies to the next line that is not a comment;</li>
 * <li>{@code # dvclint: disable-file=rule-a} anywhere suppresses them in the whole file.</li>
 * </ul>
 * Comments are found by scanning the text: a {@code #} at the start of a line or after white space, outside
 * quoted and block scalars (known from the parsed tree when the file parsed, else by tracking quotes on the
 * line), starts a comment. Since this is a text scan, it works in files that failed to parse too, so even
 * {@code yaml-syntax} can be suppressed with {@code disable-file}. Unknown ids are reported as
 * {@code unknown-suppression}, directives that suppressed nothing as {@code unused-suppression}.
 */
public final class Suppressions {
    public static final String UNKNOWN = "unknown-suppression";
    public static final String UNUSED = "unused-suppression";

    /** Compiled on first use: only lines that mention {@code dvclint:} need them. */
    private static final class Directives {
        static final Pattern DIRECTIVE = Pattern.compile(
                "dvclint:\\s*(disable-file|disable)\\s*=\\s*([A-Za-z0-9_.@-]+(?:\\s*,\\s*[A-Za-z0-9_.@-]+)*)");
        static final Pattern ID = Pattern.compile("[A-Za-z0-9_.@-]+");
    }

    /** One rule id named in a directive. */
    public static final class Directive {
        final Path file;
        final String id;
        final Pos pos;
        final boolean fileWide;
        final int targetLine;
        final int commentLine;
        final int idStart, idEnd; // offsets of the id in the file text
        final int idCount; // ids in the whole directive
        final int commentStart, commentEnd; // offsets of '#' and of the end of the line
        final boolean ownLine;
        boolean used;

        Directive(Path file, String id, Pos pos, boolean fileWide, int targetLine, int commentLine, int idStart,
                  int idEnd, int idCount, int commentStart, int commentEnd, boolean ownLine) {
            this.file = file;
            this.id = id;
            this.pos = pos;
            this.fileWide = fileWide;
            this.targetLine = targetLine;
            this.commentLine = commentLine;
            this.idStart = idStart;
            this.idEnd = idEnd;
            this.idCount = idCount;
            this.commentStart = commentStart;
            this.commentEnd = commentEnd;
            this.ownLine = ownLine;
        }

        public String id() {
            return id;
        }

        public Pos pos() {
            return pos;
        }

        public boolean fileWide() {
            return fileWide;
        }

        public int targetLine() {
            return targetLine;
        }
    }

    private Suppressions() {
    }

    public static void apply(Project project, Findings findings, Config config) {
        Map<Path, YNode> trees = new HashMap<>();
        for (DvcFile f : project.dvcFiles()) {
            if (f.root() != null) trees.put(f.path(), f.root());
            if (f.lock() != null && f.lock().root() != null) trees.put(f.lock().path(), f.lock().root());
        }
        Map<Path, List<Directive>> byFile = new HashMap<>();
        for (Map.Entry<Path, SourceText> e : findings.sources().entrySet()) {
            List<Directive> ds = scan(e.getKey(), e.getValue(), trees.get(e.getKey()));
            if (!ds.isEmpty()) byFile.put(e.getKey(), ds);
        }
        if (byFile.isEmpty()) return;
        findings.retain(f -> !suppressed(f, byFile.get(f.file())));
        List<Finding> extra = new ArrayList<>();
        for (List<Directive> ds : byFile.values()) {
            for (Directive d : ds) {
                Rule r = RuleRegistry.byId(d.id);
                if (r == null) {
                    extra.add(new Finding(UNKNOWN, Severity.WARNING, d.file, d.pos,
                            "unknown rule '" + d.id + "' in a suppression comment"
                                    + Suggest.didYouMean(d.id, RuleRegistry.ids()),
                            "run 'dvclint rules' for the list of rule ids"));
                } else if (!d.used && config.enabled(d.id) && !d.id.equals(UNUSED) && !d.id.equals(UNKNOWN)) {
                    extra.add(new Finding(UNUSED, Severity.INFO, d.file, d.pos,
                            "suppression of '" + d.id + "' is unused: no such finding "
                                    + (d.fileWide ? "in this file" : "on line " + d.targetLine),
                            "remove it", removal(d, findings.sourceOf(d.file))));
                }
            }
        }
        for (Finding f : extra) {
            if (!suppressed(f, byFile.get(f.file()))) findings.add(f);
        }
    }

    private static boolean suppressed(Finding f, List<Directive> ds) {
        if (ds == null || f.ruleId().equals(RuleEngine.INTERNAL_ERROR)) return false;
        boolean hit = false;
        for (Directive d : ds) {
            if (d.id.equals(f.ruleId()) && (d.fileWide || d.targetLine == f.line())) {
                d.used = true;
                hit = true;
            }
        }
        return hit;
    }

    /** The edit removing an unused id: the id alone, or the whole comment (or line) when it is the only one. */
    private static List<TextEdit> removal(Directive d, SourceText src) {
        if (src == null) return List.of();
        String text = src.text();
        if (d.idCount > 1) {
            int a = d.idStart, b = d.idEnd;
            int j = b;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
            if (j < text.length() && text.charAt(j) == ',') {
                j++;
                while (j < text.length() && text.charAt(j) == ' ') j++;
                return List.of(new TextEdit(d.file, a, j, ""));
            }
            int i = a;
            while (i > 0 && text.charAt(i - 1) == ' ') i--;
            if (i > 0 && text.charAt(i - 1) == ',') return List.of(new TextEdit(d.file, i - 1, b, ""));
            return List.of();
        }
        // the comment must hold only the directive (plus a reason) to be removed whole
        String comment = text.substring(d.commentStart, d.commentEnd);
        if (!comment.matches("#\\s*dvclint:.*")) return List.of();
        if (d.ownLine) {
            int start = src.offset(new Pos(d.commentLine, 1));
            int end = d.commentEnd;
            if (end < text.length() && text.charAt(end) == '\r') end++;
            if (end < text.length() && text.charAt(end) == '\n') end++;
            return List.of(new TextEdit(d.file, start, end, ""));
        }
        int i = d.commentStart;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) i--;
        return List.of(new TextEdit(d.file, i, d.commentEnd, ""));
    }

    /** Finds every directive of a file. {@code tree} (may be null) tells where quoted and block scalars are. */
    public static List<Directive> scan(Path file, SourceText src, YNode tree) {
        String text = src.text();
        if (!text.contains("dvclint:")) return List.of();
        List<int[]> spans = new ArrayList<>();
        if (tree != null) collectSpans(tree, src, spans);
        List<Directive> out = new ArrayList<>();
        int n = src.lineCount();
        for (int line = 1; line <= n; line++) {
            String s = src.line(line);
            if (!s.contains("dvclint:")) continue;
            int base = src.offset(new Pos(line, 1));
            int hash = commentStart(s, base, spans);
            if (hash < 0) continue;
            String body = s.substring(hash);
            Matcher m = Directives.DIRECTIVE.matcher(body);
            if (!m.find()) continue;
            boolean fileWide = m.group(1).equals("disable-file");
            boolean ownLine = s.substring(0, hash).isBlank();
            int target = line;
            if (ownLine) {
                target = line + 1;
                while (target <= n && isCommentOnly(src.line(target))) target++;
            }
            Matcher ids = Directives.ID.matcher(m.group(2));
            List<int[]> found = new ArrayList<>();
            while (ids.find()) found.add(new int[] {ids.start(), ids.end()});
            for (int[] r : found) {
                int idx = hash + m.start(2) + r[0];
                String id = m.group(2).substring(r[0], r[1]);
                Pos pos = new Pos(line, s.codePointCount(0, idx) + 1);
                out.add(new Directive(file, id, pos, fileWide, target, line, base + idx,
                        base + hash + m.start(2) + r[1], found.size(), base + hash, base + s.length(), ownLine));
            }
        }
        return out;
    }

    private static boolean isCommentOnly(String s) {
        String t = s.strip();
        return t.startsWith("#");
    }

    /** Index in the line of the '#' that starts a comment, or -1. */
    public static int commentStart(String s, int base, List<int[]> spans) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inSpan(base + i, spans)) continue;
            if (quote != 0) {
                if (c == quote) {
                    if (quote == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') i++;
                    else quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
                continue;
            }
            char prev = i == 0 ? ' ' : s.charAt(i - 1);
            if (c == '#' && (i == 0 || prev == ' ' || prev == '\t')) return i;
            if ((c == '\'' || c == '"') && (i == 0 || " \t[{,:-?".indexOf(prev) >= 0)) quote = c;
        }
        return -1;
    }

    private static boolean inSpan(int off, List<int[]> spans) {
        for (int[] sp : spans) if (off >= sp[0] && off < sp[1]) return true;
        return false;
    }

    private static void collectSpans(YNode n, SourceText src, List<int[]> spans) {
        if (n instanceof YScalar s) {
            if (s.style() != YScalar.Style.PLAIN && s.style() != YScalar.Style.OTHER && s.end() != null) {
                // a block scalar's header line (after | or >) may still carry a comment
                boolean block = s.style() == YScalar.Style.LITERAL || s.style() == YScalar.Style.FOLDED;
                int start = block ? src.offset(new Pos(s.pos().line() + 1, 1)) : src.offset(s.pos());
                spans.add(new int[] {start, src.offset(s.end())});
            }
        } else if (n instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                collectSpans(e.key(), src, spans);
                collectSpans(e.value(), src, spans);
            }
        } else if (n instanceof YSeq q) {
            for (YNode i : q.items()) collectSpans(i, src, spans);
        }
    }
}
