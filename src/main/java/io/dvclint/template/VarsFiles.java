package io.dvclint.template;

import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The vars files of one resolution ({@code params.yaml} and the files {@code vars} names), each read at most once
 * through the injected loader: as a context dictionary, or the {@link ContextError} that forbids its use. Labels are
 * paths relative to the repository root as DVC prints them.
 */
final class VarsFiles {
    private final Path repoRoot;
    private final Function<Path, FileLoad> loader;
    /** Label to its {@link CNode.Dict}, or to the {@link ContextError} describing why it cannot be used. */
    private final Map<String, Object> files = new HashMap<>();

    VarsFiles(Path repoRoot, Function<Path, FileLoad> loader) {
        this.repoRoot = repoRoot;
        this.loader = loader;
    }

    /** The file as a context dictionary. */
    CNode.Dict load(String label) throws ContextError {
        Object f = get(label);
        if (f instanceof ContextError e) throw e;
        return (CNode.Dict) f;
    }

    /** True when the file does not exist (reading it if it was not read yet). */
    boolean missing(String label) {
        return get(label) instanceof ContextError e && e.missing;
    }

    private Object get(String label) {
        Object v = files.get(label);
        if (v == null) {
            v = read(label);
            files.put(label, v);
        }
        return v;
    }

    private Object read(String l) {
        Path p = l.startsWith("/") ? Paths.get(l) : repoRoot.resolve(l).normalize();
        FileLoad fl = loader.apply(p);
        if (fl == null || fl.status() == FileLoad.Status.MISSING) {
            ContextError e = new ContextError("'" + l + "' does not exist");
            e.missing = true;
            return e;
        }
        if (fl.status() == FileLoad.Status.DIRECTORY) return new ContextError("'" + l + "' is a directory");
        if (fl.status() == FileLoad.Status.UNREADABLE) {
            return new ContextError("unable to read '" + l + "': " + fl.message());
        }
        YNode root = fl.root();
        CNode.Src src = new CNode.Src(l, p, false);
        if (root == null || root instanceof YScalar sc && !TemplateResolver.truthy(sc.value())) {
            return new CNode.Dict(new LinkedHashMap<>(), src, "");
        }
        if (!(root instanceof YMap)) {
            String typ = root instanceof YSeq ? "list" : new CNode.Val(((YScalar) root).value(), null, "").typeName();
            return new ContextError("expected a dictionary, got '" + typ + "' in file '" + l + "'");
        }
        return CNode.of(root, src, "");
    }
}
