package io.dvclint.yaml;

/**
 * A node of a positioned YAML (or JSON/TOML/Python-literal) document: a mapping, a sequence or a scalar.
 * Every node knows where it starts and ends in its source.
 */
public sealed interface YNode permits YMap, YSeq, YScalar {
    /** Position of the first character of the node. */
    Pos pos();

    /** Position just past the last character of the node. */
    Pos end();

    /** The plain Java value: {@code Map<String,Object>} (insertion ordered), {@code List<Object>}, or a scalar. */
    Object toJava();

    /** Short type name as DVC's messages use it: dict, list, str, int, float, bool, None. */
    String typeName();
}
