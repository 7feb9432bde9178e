package io.dvclint.yaml;

/** A 1-based line and column in a source file. Column counts Unicode code points. */
public record Pos(int line, int col) implements Comparable<Pos> {
    public static final Pos START = new Pos(1, 1);

    @Override
    public int compareTo(Pos o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(col, o.col);
    }

    @Override
    public String toString() {
        return line + ":" + col;
    }

    // equals and hashCode written out (see ValueEqualityTest): a record's own are linked through invokedynamic on
    // first use, about 10 ms of every lint's start
    @Override
    public boolean equals(Object o) {
        return o instanceof Pos p && p.line == line && p.col == col;
    }

    @Override
    public int hashCode() {
        return line * 31 + col;
    }
}
