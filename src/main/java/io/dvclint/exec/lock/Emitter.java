package io.dvclint.exec.lock;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Node} tree as ruamel.yaml 0.18's emitter ({@code emitter.py}) writes it with the settings DVC
 * uses ({@code YAML()} round-trip dumper, {@code default_flow_style = False}): width 80, indent 2, block sequences
 * not indented under their key, unicode written as is. The node handlers and scalar writers follow ruamel's
 * state machine one to one (column, whitespace and indentation bookkeeping included), so that folding, quoting and
 * spacing come out byte-identical; see {@link ScalarWriter} for the scalar styles.
 *
 * <p>Comments are written where ruamel's round trip writes them back ({@link Node.Comment}): a document's leading
 * comment lines, the comment after a key that opens a block collection, and the comment after a scalar value.
 * Not covered, because the files DVC writes hold none: anchors/aliases, explicit tags.
 */
public final class Emitter {
    static final int BEST_WIDTH = 80;
    static final int BEST_INDENT = 2;

    final StringBuilder out = new StringBuilder();

    // state of ruamel's emitter
    int column;
    boolean whitespace = true;
    boolean indention = true;
    boolean noNewline;
    boolean openEnded;
    Integer indent;
    private final List<Integer> indentValues = new ArrayList<>();
    private final List<Boolean> indentSeq = new ArrayList<>();
    private final List<String> flowContext = new ArrayList<>();
    boolean rootContext;
    private boolean sequenceContext;
    private boolean mappingContext;
    boolean simpleKeyContext;

    private ScalarAnalysis analysis;
    private Character style;
    private final ScalarWriter scalars = new ScalarWriter(this);

    private Emitter() {
    }

    /** The YAML text of one document holding {@code root}, as {@code yaml.dump(data, stream)} writes it. */
    public static String dump(Node root) {
        Emitter e = new Emitter();
        if (root instanceof Node.Mapping m && m.open() != null && !m.flow()) e.write(m.open().text());
        e.expectNode(root, true, false, false, false);
        e.writeIndent();
        if (e.openEnded) {
            e.writeIndicator("...", true, false, false);
            e.writeIndent();
        }
        return e.out.toString();
    }

    int flowLevel() {
        return flowContext.size();
    }

    private void increaseIndent(boolean flow, Boolean sequence, boolean indentless) {
        indentValues.add(indent);
        indentSeq.add(sequence);
        if (indent == null) {
            indent = flow ? null : 0;
        } else if (!indentless) {
            indent = indent + BEST_INDENT;
        }
    }

    private Integer popIndent() {
        indentSeq.remove(indentSeq.size() - 1);
        return indentValues.remove(indentValues.size() - 1);
    }

    private boolean isSeq(int fromEnd) {
        int i = indentSeq.size() - fromEnd;
        return i >= 0 && Boolean.TRUE.equals(indentSeq.get(i));
    }

    /** {@code Indents.seq_seq}: the last two indents are both sequences. */
    private boolean seqSeq() {
        return indentSeq.size() >= 2 && isSeq(2) && isSeq(1);
    }

    /** {@code Indents.seq_flow_align} without comments. */
    private int seqFlowAlign() {
        if (indentSeq.size() < 2 || !isSeq(1)) return 0;
        Integer last = indentValues.get(indentValues.size() - 1);
        int base = last == null ? 0 : last;
        return base + BEST_INDENT - column - 1;
    }

    private void expectNode(Node node, boolean root, boolean sequence, boolean mapping, boolean simpleKey) {
        rootContext = root;
        sequenceContext = sequence;
        mappingContext = mapping;
        simpleKeyContext = simpleKey;
        if (node instanceof Node.Scalar s) {
            processTag(s);
            increaseIndent(true, null, false);
            processScalar();
            indent = popIndent();
        } else if (node instanceof Node.Seq seq) {
            if (flowLevel() > 0 || seq.flow() || seq.items().isEmpty()) {
                flowSequence(seq);
            } else {
                blockSequence(seq);
            }
        } else {
            Node.Mapping map = (Node.Mapping) node;
            if (flowLevel() > 0 || map.flow() || map.pairs().isEmpty()) {
                flowMapping(map);
            } else {
                blockMapping(map);
            }
        }
    }

    /** After a collection has started and before its first item (ruamel's check right after the start handler). */
    private void afterCollectionStart(boolean isSequence) {
        if (isSequence && seqSeq()) {
            indention = true;
            noNewline = false;
        }
    }

    // ---- flow collections

    private void flowSequence(Node.Seq seq) {
        int ind = seqFlowAlign();
        writeIndicator(" ".repeat(Math.max(0, ind)) + "[", true, true, false);
        increaseIndent(true, true, false);
        flowContext.add("[");
        afterCollectionStart(true);
        List<Node> items = seq.items();
        if (items.isEmpty()) {
            indent = popIndent();
            flowContext.remove(flowContext.size() - 1);
            writeIndicator("]", false, false, false);
            if (flowLevel() == 0) writeLineBreak();
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) writeIndicator(",", false, false, false);
            if (column > BEST_WIDTH) writeIndent();
            expectNode(items.get(i), false, true, false, false);
        }
        indent = popIndent();
        flowContext.remove(flowContext.size() - 1);
        writeIndicator("]", false, false, false);
        noNewline = false;
    }

    private void flowMapping(Node.Mapping map) {
        int ind = seqFlowAlign();
        String init = "{";
        if (map.pairs().size() == 1 && flowLevel() > 0 && flowContext.get(flowContext.size() - 1).equals("[")) {
            init = "";
        }
        writeIndicator(" ".repeat(Math.max(0, ind)) + init, true, true, false);
        flowContext.add(init);
        increaseIndent(true, false, false);
        List<Node.Pair> pairs = map.pairs();
        if (pairs.isEmpty()) {
            indent = popIndent();
            flowContext.remove(flowContext.size() - 1);
            writeIndicator("}", false, false, false);
            if (flowLevel() == 0) writeLineBreak();
            return;
        }
        for (int i = 0; i < pairs.size(); i++) {
            if (i > 0) writeIndicator(",", false, false, false);
            if (column > BEST_WIDTH) writeIndent();
            Node.Pair p = pairs.get(i);
            if (checkSimpleKey(p.key())) {
                expectNode(p.key(), false, false, true, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, false);
                expectNode(p.key(), false, false, true, false);
                if (column > BEST_WIDTH) writeIndent();
                writeIndicator(":", true, false, false);
            }
            expectNode(p.value(), false, false, true, false);
        }
        indent = popIndent();
        String popped = flowContext.remove(flowContext.size() - 1);
        if (!popped.isEmpty()) writeIndicator("}", false, false, false);
        noNewline = false;
    }

    // ---- block collections

    private void blockSequence(Node.Seq seq) {
        boolean indentless = mappingContext && !indention;
        increaseIndent(false, true, indentless);
        afterCollectionStart(true);
        // the comment after the key holding it: written once the indentation is decided, as ruamel writes it
        if (seq.open() != null && mappingContext) writeComment(seq.open());
        for (int i = 0; i < seq.items().size(); i++) {
            boolean nonl = column == 0 && noNewline;
            writeIndent();
            writeIndicator("-", true, false, true);
            if (nonl) noNewline = true;
            expectNode(seq.items().get(i), false, true, false, false);
            if (seq.comment(i) != null) writeComment(seq.comment(i));
        }
        indent = popIndent();
        noNewline = false;
    }

    private void blockMapping(Node.Mapping map) {
        increaseIndent(false, false, false);
        afterCollectionStart(false);
        if (map.open() != null && mappingContext) writeComment(map.open());
        for (Node.Pair p : map.pairs()) {
            writeIndent();
            if (checkSimpleKey(p.key())) {
                expectNode(p.key(), false, false, true, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                expectNode(p.key(), false, false, true, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            expectNode(p.value(), false, false, true, false);
            if (p.comment() != null) writeComment(p.comment());
        }
        indent = popIndent();
    }

    /**
     * {@code write_comment} for a comment after a node: its first line at the column it was written at (at least one
     * blank after the node), the rest as written, then a line break.
     */
    private void writeComment(Node.Comment c) {
        String value = c.text();
        if (value.endsWith("\n")) value = value.substring(0, value.length() - 1);
        int col = c.column() < 0 || value.startsWith("\n") ? column : c.column();
        int spaces = col - column;
        if (column > 0 && !value.strip().isEmpty() && spaces < 1 && !value.startsWith("\n")) spaces = 1;
        out.append(" ".repeat(Math.max(0, spaces))).append(value);
        writeLineBreak();
    }

    /** {@code check_simple_key}: a short single-line scalar, or an empty collection. */
    private boolean checkSimpleKey(Node key) {
        if (key instanceof Node.Scalar s) {
            if (analysis == null) analysis = ScalarAnalysis.of(s.value());
            // ruamel counts the prepared tag too (every scalar event carries one, e.g. !!str)
            int length = analysis.scalar().codePointCount(0, analysis.scalar().length()) + 2
                    + s.tag().name().length();
            boolean emptyWithBlockStyle = analysis.empty() && style != null && style != '\'' && style != '"'
                    && style != 0;
            return length < 128 && !emptyWithBlockStyle && !analysis.multiline();
        }
        if (key instanceof Node.Seq seq) return seq.flow() || seq.items().isEmpty();
        Node.Mapping m = (Node.Mapping) key;
        return m.flow() || m.pairs().isEmpty();
    }

    // ---- scalars

    private Node.Scalar scalar;

    /** {@code process_tag} for a scalar: chooses the style (and writes no tag: every scalar here is implicit). */
    private void processTag(Node.Scalar s) {
        scalar = s;
        if (style == null) {
            style = chooseScalarStyle();
            if (s.value().isEmpty() && style == '\'' && s.tag() == Node.Tag.NULL) {
                // ruamel's alt_null: a null that cannot be left empty is written as null
                scalar = Node.Scalar.of(Node.Tag.NULL, "null");
                analysis = null;
                style = chooseScalarStyle();
            }
        }
        boolean implicitPlain = implicitPlain(scalar);
        boolean implicitQuoted = scalar.tag() == Node.Tag.STR;
        if ((style == 0 && implicitPlain) || (style != 0 && implicitQuoted)) return;
        throw new IllegalStateException("a " + scalar.tag() + " scalar that needs an explicit tag: " + scalar.value());
    }

    /** {@code implicit[0]}: the plain text reads back with the scalar's own tag. */
    private static boolean implicitPlain(Node.Scalar s) {
        String resolved = Resolver.resolve(s.value());
        return switch (s.tag()) {
            case STR -> resolved.equals(Resolver.STR);
            case INT -> resolved.equals("int");
            case FLOAT -> resolved.equals("float");
            case BOOL -> resolved.equals("bool");
            case NULL -> resolved.equals("null");
            case TIMESTAMP -> resolved.equals("timestamp");
        };
    }

    /** {@code choose_scalar_style}; 0 stands for plain. */
    private char chooseScalarStyle() {
        Node.Scalar s = scalar;
        if (analysis == null) analysis = ScalarAnalysis.of(s.value());
        char eventStyle = s.style();
        boolean implicit0 = implicitPlain(s);
        boolean implicit2 = true;
        if (eventStyle == 0 && (implicit0 || !implicit2)) {
            boolean keyProblem = simpleKeyContext && (analysis.empty() || analysis.multiline());
            if (!keyProblem && ((flowLevel() > 0 && analysis.allowFlowPlain())
                    || (flowLevel() == 0 && analysis.allowBlockPlain()))) {
                return 0;
            }
        }
        analysis = analysis.withAllowBlock();
        if (eventStyle == '|' || eventStyle == '>') {
            if (flowLevel() == 0 && !simpleKeyContext && analysis.allowBlock()) return eventStyle;
        }
        if (eventStyle == 0 && analysis.allowDoubleQuoted()) {
            if (s.value().contains("'") || s.value().contains("\n")) return '"';
        }
        if (eventStyle == 0 || eventStyle == '\'') {
            if (analysis.allowSingleQuoted() && !(simpleKeyContext && analysis.multiline())) return '\'';
        }
        return '"';
    }

    private void processScalar() {
        if (analysis == null) analysis = ScalarAnalysis.of(scalar.value());
        if (style == null) style = chooseScalarStyle();
        boolean split = !simpleKeyContext;
        if (sequenceContext && flowLevel() == 0) writeIndent();
        String text = analysis.scalar();
        switch (style) {
            case '"' -> scalars.writeDoubleQuoted(text, split);
            case '\'' -> scalars.writeSingleQuoted(text, split);
            case '>' -> scalars.writeFolded(text);
            case '|' -> scalars.writeLiteral(text);
            default -> scalars.writePlain(text, split);
        }
        analysis = null;
        style = null;
    }

    // ---- low-level writers

    void write(String data) {
        out.append(data);
    }

    void writeIndicator(String indicator, boolean needWhitespace, boolean whitespaceAfter, boolean indentionAfter) {
        String data = whitespace || !needWhitespace ? indicator : " " + indicator;
        whitespace = whitespaceAfter;
        indention = indention && indentionAfter;
        column += data.codePointCount(0, data.length());
        openEnded = false;
        out.append(data);
    }

    void writeIndent() {
        int ind = indent == null ? 0 : indent;
        if (!indention || column > ind || (column == ind && !whitespace)) {
            if (noNewline) {
                noNewline = false;
            } else {
                writeLineBreak();
            }
        }
        if (column < ind) {
            whitespace = true;
            out.append(" ".repeat(ind - column));
            column = ind;
        }
    }

    void writeLineBreak() {
        writeLineBreak("\n");
    }

    void writeLineBreak(String data) {
        whitespace = true;
        indention = true;
        column = 0;
        out.append(data);
    }
}
