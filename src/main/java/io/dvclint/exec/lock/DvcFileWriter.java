package io.dvclint.exec.lock;

import io.dvclint.py.PyEq;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import io.dvclint.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@code .dvc} file as DVC's {@code SingleStageFile.dump} does ({@code serialize.to_single_stage_file}):
 * the file's text is loaded round-trip, the stage's new contents are laid over it with {@code apply_diff}, and the
 * result is dumped ({@link Emitter}). So keys keep their order, a key whose value is unchanged keeps its value as
 * written, new keys go at the end of their mapping, keys the stage no longer has are dropped (with the comments
 * that follow them), and comments stay where they were: at the top of the file, after a key that opens a block
 * collection, and after a scalar value, the first line at its column and the lines after it as written.
 */
public final class DvcFileWriter {
    private DvcFileWriter() {
    }

    /**
     * The text of the file after setting its contents.
     *
     * @param existing the file's text as loaded (null or empty: the contents are dumped as they are)
     * @param state    {@code Stage.dumpd()}: the keys and values the stage has now, in DVC's order
     */
    public static String update(String existing, Map<String, Object> state) throws LockFileWriter.LockFormatException {
        if (existing == null) return Emitter.dump(Representer.represent(state));
        SourceText src = new SourceText(existing);
        YamlLoader.Result r = YamlLoader.load(src);
        if (!r.ok()) throw new LockFileWriter.LockFormatException("unable to read the file: " + r.problem().message());
        if (r.root() == null || r.root().toJava() == null) return Emitter.dump(Representer.represent(state));
        if (!(r.root() instanceof YMap root)) throw new LockFileWriter.LockFormatException("the file is not a mapping");
        Comments comments = new Comments(src);
        return Emitter.dump(new Differ(comments).map(state, root, root.isFlow() ? null : comments.leading()));
    }

    /** {@code apply_diff(src, dest)} over a loaded tree, into nodes to dump. */
    private record Differ(Comments comments) {
        @SuppressWarnings("unchecked")
        Node.Mapping map(Map<String, Object> src, YMap dest, Node.Comment open) {
            List<Node.Pair> pairs = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (YMap.Entry e : dest.entries()) {
                String key = e.name();
                seen.add(key);
                if (!src.containsKey(key)) continue; // a key the stage no longer has: deleted, comments and all
                Object v = src.get(key);
                YNode old = e.value();
                Node value;
                if (v instanceof Map<?, ?> m && old instanceof YMap om) {
                    value = map((Map<String, Object>) m, om, dest.isFlow() ? null : comments.opening(e));
                } else if (v instanceof List<?> l && old instanceof YSeq os) {
                    value = seq((List<Object>) l, os, dest.isFlow() ? null : comments.opening(e));
                } else if (PyEq.eq(v, old.toJava())) {
                    value = keep(old, dest.isFlow() ? null : comments.opening(e));
                } else {
                    value = Representer.represent(v);
                }
                Node.Comment after = dest.isFlow() || isBlockCollection(old) ? null : comments.afterValue(e);
                pairs.add(new Node.Pair(Representer.roundTrip(e.key()), value, after));
            }
            for (Map.Entry<String, Object> e : src.entrySet()) {
                if (!seen.contains(e.getKey())) {
                    pairs.add(new Node.Pair(Representer.represent(e.getKey()), Representer.represent(e.getValue())));
                }
            }
            return new Node.Mapping(pairs, dest.isFlow() || pairs.isEmpty(), open);
        }

        @SuppressWarnings("unchecked")
        Node.Seq seq(List<Object> src, YSeq dest, Node.Comment open) {
            if (src.size() != dest.size()) {
                // dest[:] = src: the items are replaced, the sequence (and what stands before it) stays
                Node.Seq fresh = (Node.Seq) Representer.represent(src);
                return new Node.Seq(fresh.items(), dest.isFlow() || fresh.items().isEmpty(), open, null);
            }
            List<Node> items = new ArrayList<>();
            List<Node.Comment> after = new ArrayList<>();
            for (int i = 0; i < src.size(); i++) {
                Object v = src.get(i);
                YNode old = dest.get(i);
                if (v instanceof Map<?, ?> m && old instanceof YMap om) {
                    items.add(map((Map<String, Object>) m, om, null));
                } else if (v instanceof List<?> l && old instanceof YSeq os) {
                    items.add(seq((List<Object>) l, os, null));
                } else if (PyEq.eq(v, old.toJava())) {
                    items.add(keep(old, null));
                } else {
                    items.add(Representer.represent(v));
                }
                after.add(dest.isFlow() || isBlockCollection(old) ? null : comments.afterNode(old));
            }
            return new Node.Seq(items, dest.isFlow() || items.isEmpty(), open, after);
        }

        /** A value left as loaded, with the comments inside it. */
        Node keep(YNode n, Node.Comment open) {
            if (n instanceof YMap m) return map(m.toJavaStringKeys(), m, open);
            if (n instanceof YSeq s) {
                return seq(new ArrayList<>(s.toJava() instanceof List<?> l ? l : List.of()), s, open);
            }
            return Representer.roundTrip(n);
        }
    }

    private static boolean isBlockCollection(YNode n) {
        return n instanceof YMap m && !m.isFlow() && m.size() > 0 || n instanceof YSeq s && !s.isFlow() && s.size() > 0;
    }

    /** Finds the comments of a loaded text where ruamel's scanner attaches them. */
    static final class Comments {
        private final SourceText src;
        private final String text;

        Comments(SourceText src) {
            this.src = src;
            this.text = src.text();
        }

        /** Comment and blank lines at the top of the document, before its first node. */
        Node.Comment leading() {
            StringBuilder sb = new StringBuilder();
            // the scanner takes a first blank line as the end of a line, not as a blank line to keep
            int first = lineEnd(0);
            int from = first < text.length() && text.substring(0, first).isBlank() ? first + 1 : 0;
            absorb(from, sb);
            return sb.length() == 0 ? null : new Node.Comment(sb.toString(), 0);
        }

        /** The comment after the {@code :} of a key whose value is a block collection, before its first entry. */
        Node.Comment opening(YMap.Entry e) {
            return after(colonAfter(e.key()));
        }

        /** The comment after a scalar (or flow collection) value of a mapping. */
        Node.Comment afterValue(YMap.Entry e) {
            YNode v = e.value();
            int from = src.offset(v.end());
            if (v instanceof YScalar s && s.raw().isEmpty() && s.style() == YScalar.Style.PLAIN) {
                from = Math.max(from, colonAfter(e.key()));
            }
            return after(from);
        }

        /** The comment after a scalar (or flow collection) item of a sequence. */
        Node.Comment afterNode(YNode n) {
            return after(src.offset(n.end()));
        }

        /** Just past the {@code :} that follows a key (its end when there is none). */
        private int colonAfter(YScalar key) {
            int i = src.offset(key.end());
            int j = i;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
            return j < text.length() && text.charAt(j) == ':' ? j + 1 : i;
        }

        /**
         * The comment text from {@code offset} (the end of a node): a {@code #} comment on the rest of the line, then
         * every following line that is blank or holds only a comment; or, with nothing on the rest of the line, those
         * lines alone (then the text starts with the line break). Null when there is no comment nor blank line.
         */
        private Node.Comment after(int offset) {
            int n = text.length();
            int i = offset;
            while (i < n && text.charAt(i) == ' ') i++;
            StringBuilder sb = new StringBuilder();
            int column = -1;
            if (i < n && text.charAt(i) == '#') {
                column = text.codePointCount(text.lastIndexOf('\n', i - 1) + 1, i);
                int eol = lineEnd(i);
                sb.append(stripCr(text.substring(i, eol))).append('\n');
                i = Math.min(n, eol + 1);
            } else if (i < n && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
                sb.append('\n');
                i = lineEnd(i) + 1;
            } else {
                return null;
            }
            int start = sb.length();
            absorb(i, sb);
            if (column < 0 && sb.length() == start) return null;
            return new Node.Comment(sb.toString(), column);
        }

        /** Appends the blank and comment-only lines from {@code i} on; returns where they end. */
        private int absorb(int i, StringBuilder sb) {
            int n = text.length();
            while (i < n) {
                int eol = lineEnd(i);
                String line = stripCr(text.substring(i, eol));
                String t = line.stripLeading();
                if (!t.isEmpty() && !t.startsWith("#")) break;
                sb.append(t.isEmpty() ? "" : line).append('\n'); // a blank line comes back empty
                i = Math.min(n, eol + 1);
            }
            return i;
        }

        private int lineEnd(int i) {
            int eol = text.indexOf('\n', i);
            return eol < 0 ? text.length() : eol;
        }

        private static String stripCr(String s) {
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
    }
}
