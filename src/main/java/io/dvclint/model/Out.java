package io.dvclint.model;

import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import java.nio.file.Path;

/**
 * A stage output ({@code outs}, {@code metrics} or {@code plots}) with its flags and their DVC defaults.
 *
 * @param flags the flags mapping as written (null when the entry is a bare path); plot props live here too
 * @param cacheExplicit whether {@code cache:} was written (rather than defaulted)
 */
public record Out(String path, Path abs, Pos pos, OutKind kind, boolean cache, boolean cacheExplicit,
                  boolean persist, boolean push, String remote, String desc, YMap flags) {

    /** True when written with a trailing slash, as directory outputs often are. */
    public boolean looksLikeDir() {
        return path.endsWith("/");
    }
}
