package io.dvclint.exec.lock;

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

    /** A sequence; {@code flow} writes it as {@code [a, b]}. */
    record Seq(List<Node> items, boolean flow) implements Node {
        public Seq {
            items = List.copyOf(items);
        }
    }

    /** One key/value pair of a mapping. */
    record Pair(Node key, Node value) {
    }

    /** A mapping; {@code flow} writes it as {@code {a: b}}. */
    record Mapping(List<Pair> pairs, boolean flow) implements Node {
        public Mapping {
            pairs = List.copyOf(pairs);
        }
    }
}
