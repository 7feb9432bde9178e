package io.dvclint.template;

import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YSeq;

/** An error of DVC's context family ({@code ContextError}): vars loading, merging, reserved keys. */
final class ContextError extends Exception {
    /** A file, or some of its keys, loaded twice: DVC reports it against the stage's {@code vars}. */
    final boolean alreadyLoaded;
    /** The file does not exist (a missing default {@code params.yaml} is no error). */
    boolean missing;
    /**
     * Where in {@code vars} the error is: {@code #<index>}, or {@code #<index>:<dotted path>} inside an inline
     * mapping; or null.
     */
    final String path;

    ContextError(String msg) {
        this(msg, false, null);
    }

    ContextError(String msg, boolean alreadyLoaded, String path) {
        super(msg, null, false, false);
        this.alreadyLoaded = alreadyLoaded;
        this.path = path;
    }

    /** Where to report it: the vars item, or inside an inline mapping the offending key; else the fallback. */
    Pos pos(YSeq vars, Pos fallback) {
        if (path == null || vars == null || !path.startsWith("#")) return fallback == null ? Pos.START : fallback;
        String p = path.substring(1);
        int colon = p.indexOf(':');
        int idx = Integer.parseInt(colon < 0 ? p : p.substring(0, colon));
        YNode n = vars.get(idx);
        Pos pos = n.pos();
        if (colon >= 0) {
            for (String seg : p.substring(colon + 1).split("\\.")) {
                if (!(n instanceof YMap m) || m.entry(seg) == null) break;
                pos = m.entry(seg).key().pos();
                n = m.entry(seg).value();
            }
        }
        return pos;
    }
}
