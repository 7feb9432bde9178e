package io.dvclint.yaml;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML into a positioned {@link YNode} tree the way DVC's loader (ruamel.yaml, safe, YAML 1.2) reads it:
 * core-schema scalars ({@code yes}/{@code on} stay strings, {@code 017} is 17), duplicate keys rejected, merge keys
 * ({@code <<}) applied. Built iteratively from parser events, so absurd nesting and alias bombs are reported,
 * never a stack overflow or a hang.
 */
public final class YamlLoader {
    /** Deepest nesting accepted (Python's recursion limit stops ruamel well before this). */
    public static final int MAX_DEPTH = 1000;
    /** Largest number of nodes a document may expand to through aliases. */
    public static final long MAX_EXPANDED_NODES = 1_000_000;

    /** A problem that stops the document from loading. */
    public record Problem(Pos pos, String message) {
    }

    /** Either a root node (null for an empty document) or a problem. */
    public record Result(YNode root, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * One set of parser settings for every file. Only the scanner and parser run: nodes are built here from parser
     * events, plain scalars typed by {@link CoreScalars}, and duplicate keys reported with positions.
     */
    private static final LoadSettings SETTINGS = LoadSettings.builder().setAllowDuplicateKeys(true)
            .setCodePointLimit(Integer.MAX_VALUE).setUseMarks(true).build();

    private static final String MAP_TAG = "tag:yaml.org,2002:map";
    private static final String SEQ_TAG = "tag:yaml.org,2002:seq";

    private YamlLoader() {
    }

    public static Result load(SourceText src) {
        try {
            return new Builder(src).build();
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            Pos p = m == null ? Pos.START : new Pos(m.getLine() + 1, m.getColumn() + 1);
            String msg = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (e.getContext() != null && !e.getContext().isBlank()) msg = e.getContext() + ": " + msg;
            return new Result(null, new Problem(p, clean(msg)));
        } catch (YamlEngineException e) {
            return new Result(null, new Problem(Pos.START, clean(e.getMessage())));
        } catch (LoadError e) {
            return new Result(null, e.problem);
        }
    }

    private static String clean(String msg) {
        if (msg == null) return "invalid YAML";
        return msg.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }

    private static final class LoadError extends RuntimeException {
        final Problem problem;

        LoadError(Pos p, String msg) {
            super(msg, null, false, false);
            this.problem = new Problem(p, msg);
        }
    }

    private static Pos pos(Optional<Mark> m) {
        if (m.isEmpty()) return Pos.START;
        Mark x = m.get();
        return new Pos(x.getLine() + 1, x.getColumn() + 1);
    }

    private static String anchor(NodeEvent ev) {
        return ev.getAnchor().isPresent() ? ev.getAnchor().get().toString() : null;
    }

    /** Parent frame on the build stack. */
    private static final class Frame {
        final YNode node;
        final String anchor;
        YScalar pendingKey;
        long weight = 1;
        final List<YMap.Entry> merges = new ArrayList<>();

        Frame(YNode node, String anchor) {
            this.node = node;
            this.anchor = anchor;
        }
    }

    private static final class Builder {
        private final ParserImpl parser;
        private final Map<String, YNode> anchors = new HashMap<>();
        private final Map<YNode, Long> weights = new IdentityHashMap<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        private YNode root;
        private int documents;

        Builder(SourceText src) {
            parser = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, src.text()));
        }

        Result build() {
            while (parser.hasNext()) {
                Event ev = parser.next();
                switch (ev.getEventId()) {
                    case DocumentStart -> {
                        documents++;
                        if (documents > 1) {
                            throw new LoadError(pos(ev.getStartMark()),
                                    "expected a single document in the stream, but found another document");
                        }
                    }
                    case Scalar -> add(scalar((ScalarEvent) ev), anchor((NodeEvent) ev), 1);
                    case Alias -> alias((AliasEvent) ev);
                    case MappingStart -> open(new YMap(new ArrayList<>(), pos(ev.getStartMark()), null,
                            ((CollectionStartEvent) ev).isFlow()), (NodeEvent) ev);
                    case SequenceStart -> open(new YSeq(new ArrayList<>(), pos(ev.getStartMark()), null,
                            ((CollectionStartEvent) ev).isFlow()), (NodeEvent) ev);
                    case MappingEnd, SequenceEnd -> close(ev);
                    default -> {
                    }
                }
            }
            return new Result(root, null);
        }

        private void open(YNode node, NodeEvent ev) {
            if (stack.size() >= MAX_DEPTH) {
                throw new LoadError(node.pos(), "nesting deeper than " + MAX_DEPTH + " levels");
            }
            Optional<String> tag = ((CollectionStartEvent) ev).getTag();
            if (tag.isPresent() && !tag.get().equals(MAP_TAG) && !tag.get().equals(SEQ_TAG) && !tag.get().equals("!")) {
                throw new LoadError(node.pos(), "could not determine a constructor for the tag '" + tag.get() + "'");
            }
            stack.push(new Frame(node, anchor(ev)));
        }

        private void close(Event ev) {
            Frame f = stack.pop();
            Pos end = pos(ev.getEndMark());
            if (f.node instanceof YMap m) {
                m.setEnd(end);
                applyMerges(m, f.merges);
            } else {
                ((YSeq) f.node).setEnd(end);
            }
            add(f.node, f.anchor, f.weight);
        }

        private void alias(AliasEvent ev) {
            String name = ev.getAlias().toString();
            YNode target = anchors.get(name);
            if (target == null) {
                throw new LoadError(pos(ev.getStartMark()), "found undefined alias '" + name + "'");
            }
            for (Frame f : stack) {
                if (f.node == target) {
                    throw new LoadError(pos(ev.getStartMark()), "recursive alias '" + name + "'");
                }
            }
            add(target, null, weights.getOrDefault(target, 1L));
        }

        private void add(YNode node, String anchor, long weight) {
            if (anchor != null) {
                anchors.put(anchor, node);
                if (!(node instanceof YScalar)) weights.put(node, weight);
            }
            Frame parent = stack.peek();
            if (parent == null) {
                root = node;
                return;
            }
            parent.weight += weight;
            if (parent.weight > MAX_EXPANDED_NODES) {
                throw new LoadError(node.pos(), "document expands to more than " + MAX_EXPANDED_NODES
                        + " nodes through aliases (an alias bomb?)");
            }
            if (parent.node instanceof YSeq s) {
                s.add(node);
            } else if (parent.node instanceof YMap m) {
                if (parent.pendingKey == null) {
                    if (!(node instanceof YScalar k)) {
                        throw new LoadError(node.pos(), "mapping keys must be scalars, found a "
                                + node.typeName());
                    }
                    parent.pendingKey = k;
                } else {
                    YScalar k = parent.pendingKey;
                    parent.pendingKey = null;
                    if ("<<".equals(k.value()) && k.style() == YScalar.Style.PLAIN) {
                        parent.merges.add(new YMap.Entry(k, node));
                        return;
                    }
                    for (YMap.Entry e : m.entries()) {
                        if (sameKey(e.key().value(), k.value())) {
                            throw new LoadError(k.pos(), "found duplicate key '" + YMap.keyText(k)
                                    + "' (first defined at line " + e.key().pos().line() + ", column "
                                    + e.key().pos().col() + ")");
                        }
                    }
                    m.add(new YMap.Entry(k, node));
                }
            }
        }

        private static boolean sameKey(Object a, Object b) {
            if (a == null || b == null) return a == b;
            if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
            return a.equals(b);
        }

        private void applyMerges(YMap m, List<YMap.Entry> merges) {
            for (YMap.Entry merge : merges) {
                List<YMap> sources = new ArrayList<>();
                if (merge.value() instanceof YMap src) {
                    sources.add(src);
                } else if (merge.value() instanceof YSeq seq) {
                    for (YNode n : seq.items()) {
                        if (!(n instanceof YMap src)) {
                            throw new LoadError(n.pos(), "expected a mapping for merging, but found " + n.typeName());
                        }
                        sources.add(src);
                    }
                } else {
                    throw new LoadError(merge.value().pos(),
                            "expected a mapping or list of mappings for merging, but found " + merge.value().typeName());
                }
                for (YMap src : sources) {
                    for (YMap.Entry e : src.entries()) {
                        boolean present = false;
                        for (YMap.Entry x : m.entries()) present |= sameKey(x.key().value(), e.key().value());
                        if (!present) m.add(e);
                    }
                }
            }
        }

        private YScalar scalar(ScalarEvent ev) {
            String raw = ev.getValue();
            Pos p = pos(ev.getStartMark());
            Pos end = pos(ev.getEndMark());
            YScalar.Style style = switch (ev.getScalarStyle()) {
                case PLAIN -> YScalar.Style.PLAIN;
                case SINGLE_QUOTED -> YScalar.Style.SINGLE_QUOTED;
                case DOUBLE_QUOTED -> YScalar.Style.DOUBLE_QUOTED;
                case LITERAL -> YScalar.Style.LITERAL;
                case FOLDED -> YScalar.Style.FOLDED;
                default -> YScalar.Style.OTHER;
            };
            CoreScalars.Type type;
            Optional<String> explicit = ev.getTag();
            if (explicit.isPresent() && !explicit.get().equals("!")) {
                type = CoreScalars.Type.ofTag(explicit.get());
                if (type == null) {
                    throw new LoadError(p, "could not determine a constructor for the tag '" + explicit.get() + "'");
                }
            } else if (ev.getScalarStyle() == ScalarStyle.PLAIN && explicit.isEmpty()) {
                type = CoreScalars.resolve(raw);
            } else {
                type = CoreScalars.Type.STR;
            }
            return new YScalar(construct(type, raw, p), raw, style, p, end);
        }

        private static Object construct(CoreScalars.Type type, String raw, Pos p) {
            try {
                return switch (type) {
                    case STR -> raw;
                    case NULL -> null;
                    case BOOL -> Boolean.valueOf(raw.equalsIgnoreCase("true"));
                    case INT -> parseInt(raw);
                    case FLOAT -> parseFloat(raw);
                };
            } catch (NumberFormatException e) {
                throw new LoadError(p, "invalid " + type.tag + " value '" + raw + "'");
            }
        }

        static Object parseInt(String raw) {
            String s = raw.replace("_", "");
            int sign = 1;
            if (s.startsWith("-")) {
                sign = -1;
                s = s.substring(1);
            } else if (s.startsWith("+")) {
                s = s.substring(1);
            }
            int radix = 10;
            if (s.startsWith("0o")) {
                radix = 8;
                s = s.substring(2);
            } else if (s.startsWith("0x")) {
                radix = 16;
                s = s.substring(2);
            }
            BigInteger v = new BigInteger(s, radix);
            if (sign < 0) v = v.negate();
            return v.bitLength() < 64 ? (Object) v.longValue() : v;
        }

        static Double parseFloat(String raw) {
            String s = raw.replace("_", "");
            String low = s.toLowerCase(Locale.ROOT);
            if (low.endsWith(".inf")) return low.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            if (low.equals(".nan")) return Double.NaN;
            return Double.valueOf(s);
        }
    }
}
