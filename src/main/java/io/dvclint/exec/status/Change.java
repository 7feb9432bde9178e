package io.dvclint.exec.status;

import io.dvclint.exec.stage.ParamItem;
import io.dvclint.exec.stage.PathItem;

/**
 * One reason a stage is not up to date, as {@code dvc status} names it, with what {@code status --why} explains.
 *
 * @param kind    what changed
 * @param path    the dependency, params file or output, relative to the current folder (null for the stage itself)
 * @param key     the params key, for {@link Kind#PARAM}
 * @param state   DVC's word: {@code modified}, {@code deleted}, {@code new}, {@code not in cache}
 * @param item    the dependency or output, for {@link Kind#DEP} and {@link Kind#OUT}
 * @param param   the params dependency, for {@link Kind#PARAM} and {@link Kind#PARAMS_FILE}
 * @param before  the locked value of a params key, when known
 * @param after   its current value, when known
 */
public record Change(Kind kind, String path, String key, String state, PathItem item, ParamItem param,
                     Object before, Object after) {
    public enum Kind {
        /** A file or directory dependency. */
        DEP,
        /** A params file as a whole (deleted, or never locked). */
        PARAMS_FILE,
        /** One params key. */
        PARAM,
        /** An output. */
        OUT,
        /** {@code always_changed}, or a stage with neither dependencies nor outputs. */
        ALWAYS_CHANGED,
        /** The command differs from the locked one. */
        COMMAND
    }
}
