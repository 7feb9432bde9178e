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
}
