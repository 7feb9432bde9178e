package io.dvclint.params;

import io.dvclint.params.PyTokenizer.Tok;
import io.dvclint.yaml.Pos;
import java.util.ArrayList;
import java.util.List;

/**
 * The syntax tree {@link PyParser} builds of a Python params file: of the statements, assignments and class and
 * function definitions (what DVC's {@code _ast_tree_to_dict} looks at); of the expressions, the nodes
 * {@code ast.literal_eval} accepts and the targets an assignment may have. Any other statement or expression is
 * parsed for its syntax errors and kept as an opaque {@link Other} statement or {@link K#OTHER} node.
 */
final class PySyntax {
    private PySyntax() {
    }

    enum K { NAME, CONST, ATTR, SUBSCRIPT, CALL, LIST, TUPLE, SET, DICT, UNARY, BINOP, STARRED, OTHER }

    static final class Node {
        final K kind;
        final Pos pos;
        Pos end;
        Object value;
        String text;
        String op;
        Node attr;
        boolean noArgs;
        final List<Node> kids = new ArrayList<>();

        Node(K kind, Pos pos, Pos end) {
            this.kind = kind;
            this.pos = pos;
            this.end = end;
        }
    }

    interface Stmt {
    }

    record Assign(List<Node> targets, Node value, boolean annotated) implements Stmt {
    }

    record ClassDef(Tok name, List<Stmt> body, Pos end) implements Stmt {
    }

    record FuncDef(Tok name, List<Stmt> body) implements Stmt {
    }

    record Other() implements Stmt {
    }

    static final Other OTHER = new Other();

    /** The value of the {@code ...} literal. */
    static final Object ELLIPSIS = new Object() {
        @Override
        public String toString() {
            return "Ellipsis";
        }
    };
}
