package io.dvclint.fix;

import io.dvclint.findings.TextEdit;
import io.dvclint.model.Stage;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;

/** Helpers for building text edits at node positions (fixes never re-dump YAML). */
public final class YamlEdits {
    private YamlEdits() {
    }

    /** Offset of the first character of a 1-based line. */
    public static int lineStart(SourceText src, int line) {
        return src.offset(new Pos(line, 1));
    }

    /** Offset just past the line break ending the line (or the end of the text). */
    public static int nextLineStart(SourceText src, int line) {
        String t = src.text();
        int i = lineStart(src, line) + src.line(line).length();
        if (i < t.length() && t.charAt(i) == '\r') i++;
        if (i < t.length() && t.charAt(i) == '\n') i++;
        return i;
    }

    /** The line break the file uses ("\r\n" or "\n"). */
    public static String newline(SourceText src) {
        return src.text().contains("\r\n") ? "\r\n" : "\n";
    }

    /** The text of a line before the given position. */
    public static String before(SourceText src, Pos p) {
        String line = src.line(p.line());
        int idx = src.offset(p) - lineStart(src, p.line());
        return line.substring(0, Math.max(0, Math.min(idx, line.length())));
    }

    /** The text of a line after the end position. */
    public static String after(SourceText src, Pos end) {
        String line = src.line(end.line());
        int idx = src.offset(end) - lineStart(src, end.line());
        return line.substring(Math.max(0, Math.min(idx, line.length())));
    }

    /** The source text of a single-line node, or null when it spans lines or the positions look wrong. */
    public static String textOf(SourceText src, YNode n) {
        if (n.end() == null || n.pos().line() != n.end().line()) return null;
        int a = src.offset(n.pos()), b = src.offset(n.end());
        if (b <= a) return null;
        return src.text().substring(a, b);
    }

    /** Whether the node's source text is exactly what its value says (guards against stale positions). */
    public static boolean scalarMatches(SourceText src, YScalar s) {
        String t = textOf(src, s);
        if (t == null || !(s.value() instanceof String v)) return false;
        return switch (s.style()) {
            case PLAIN -> t.equals(v);
            case SINGLE_QUOTED -> t.equals("'" + v.replace("'", "''") + "'");
            case DOUBLE_QUOTED -> t.startsWith("\"") && t.endsWith("\"") && t.length() >= 2;
            default -> false;
        };
    }

    /** "- " prefix made of spaces and one dash: the item is in a block sequence, alone on its line start. */
    public static boolean isBlockItemStart(String before) {
        return before.matches(" *- +");
    }

    /** The list node of a stage key ({@code deps}, {@code outs}, ...), or null. */
    public static YSeq list(Stage stage, String key) {
        return stage.def() != null && stage.def().get(key) instanceof YSeq s ? s : null;
    }

    /** The key node of a stage's definition entry. */
    public static YMap.Entry entry(Stage stage, String key) {
        return stage.def() == null ? null : stage.def().entry(key);
    }

    public static TextEdit insert(Path file, int at, String text) {
        return new TextEdit(file, at, at, text);
    }
}
