package io.dvclint.exec.lock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A YAML node on its way out, as ruamel.yaml's representer hands it to its emitter: a scalar with its tag and text,
 * a sequence or a mapping, each collection either block or flow style. {@link Representer} makes these from values
 * and from a loaded dvc.lock; {@link Emitter} writes them.
 */
public sealed interface Node permits Node.Scalar, Node.Seq, Node.Mapping {
    /** The core-schema tags a lock file uses. */
    enum Tag { STR, INT, FLOAT, BOOL, NULL, TIMESTAMP }

    /**
     * A scalar. {@code style} is 0 to let the emitter choose (plain, quoted), or {@code '|'} / {@code '>'} for a
     * string kept as a literal / folded block scalar (ruamel's round trip keeps those two styles).
     */
    record Scalar(Tag tag, String value, char style) implements Node {
        public static Scalar of(Tag tag, String value) {
            return new Scalar(tag, value, (char) 0);
        }
    }

    /**
     * A sequence; {@code flow} writes it as {@code [a, b]}. {@code open} is the comment written before its first
     * item (after the key of a mapping holding it), {@code comments} the comment after each item (null: none).
     */
    record Seq(List<Node> items, boolean flow, Comment open, List<Comment> comments) implements Node {
        public Seq {
            items = List.copyOf(items);
            comments = comments == null ? null : Collections.unmodifiableList(new ArrayList<>(comments));
        }

        public Seq(List<Node> items, boolean flow) {
            this(items, flow, null, null);
        }

        /** The comment after item {@code i}, or null. */
        public Comment comment(int i) {
            return comments == null || i >= comments.size() ? null : comments.get(i);
        }
    }

    /** One key/value pair of a mapping, with the comment written after a scalar (or flow) value, or null. */
    record Pair(Node key, Node value, Comment comment) {
        public Pair(Node key, Node value) {
            this(key, value, null);
        }
    }

    /**
     * A mapping; {@code flow} writes it as {@code {a: b}}. {@code open} is the comment written before its first pair
     * (after the key of a mapping holding it; at the top of the document for the root).
     */
    record Mapping(List<Pair> pairs, boolean flow, Comment open) implements Node {
        public Mapping {
            pairs = List.copyOf(pairs);
        }

        public Mapping(List<Pair> pairs, boolean flow) {
            this(pairs, flow, null);
        }
    }

    /**
     * Comment lines as ruamel.yaml's round trip keeps them: the text of a comment that follows a node, through the
     * comment and blank lines after it, each line as written. {@code column} is where the first line's {@code #}
     * stood when it shares the line of the node (ruamel writes it there again, or one blank after the node when
     * the node now reaches further); -1 when the text starts on a line of its own (it then starts with a line
     * break).
     */
    record Comment(String text, int column) {
    }
}
