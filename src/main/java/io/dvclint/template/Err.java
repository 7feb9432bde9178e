package io.dvclint.template;

import io.dvclint.yaml.Pos;

/**
 * A problem before formatting: {@code failed to <verb> <where> in '<dvc.yaml>': <body>} as DVC's
 * {@code ResolveError} prints it, or for a warning the body alone.
 */
record Err(Pos pos, String verb, String where, String body, String stage, boolean warning) {
    Err(Pos pos, String where, String body, String stage) {
        this(pos, "parse", where, body, stage, false);
    }

    TemplateProblem problem(String relpath) {
        String message = warning ? body : "failed to " + verb + " " + where + " in '" + relpath + "': " + body;
        return new TemplateProblem(pos, message, stage, warning);
    }
}
