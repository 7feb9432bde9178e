package io.dvclint.template;

import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Resolves the templating of one dvc.yaml exactly as DVC 3.x does ({@code dvc/parsing}): the context from
 * {@code params.yaml} and {@code vars}, {@code ${...}} interpolation, {@code foreach} and {@code matrix} expansion.
 * Every error becomes a positioned {@link TemplateProblem} and resolution goes on with the other stages; a stage
 * whose resolution fails is left out of the result.
 *
 * <p>The input is the raw, schema-valid root mapping. Files ({@code params.yaml}, vars files) are read through the
 * injected loader, each at most once per {@link #resolve} call.
 *
 * <p>The parts follow DVC's {@code dvc/parsing}: {@link DataResolver} runs one resolution, with
 * {@link EntryDefinition}, {@link ForeachDefinition} and {@link MatrixDefinition} for the definitions under
 * {@code stages}; {@link Context} holds the data and loads {@code vars} ({@link VarsFiles} reads the files);
 * {@link Interpolator} resolves {@code ${...}}.
 */
public final class TemplateResolver {
    /**
     * The outcome: stages in DVC's generation order, problems (errors, and warnings flagged as such), the resolved
     * items of the top-level {@code params}/{@code metrics}/{@code plots}/{@code datasets} lists, the
     * {@code artifacts} entries with their resolved names, and whether the file-level context ({@code
     * params.yaml} + {@code vars}) could be built. When it could not, DVC loads nothing from this dvc.yaml; the
     * stages that still resolve against the partial context are returned for further checks, but their own errors
     * are not reported (they would mostly be consequences of the broken context).
     */
    public record Result(List<ResolvedStage> stages, List<TemplateProblem> problems, List<YNode> params,
                         List<YNode> metrics, List<YNode> plots, List<YMap.Entry> artifacts, List<YNode> datasets,
                         boolean contextOk) {
        public List<TemplateProblem> errors() {
            List<TemplateProblem> out = new ArrayList<>();
            for (TemplateProblem p : problems) if (!p.warning()) out.add(p);
            return out;
        }

        public ResolvedStage stage(String name) {
            for (ResolvedStage s : stages) if (s.name().equals(name)) return s;
            return null;
        }
    }

    private final Path repoRoot;
    private final Function<Path, FileLoad> loader;
    private final String dirLabel;
    private final String relpath;

    /** A resolver for the dvc.yaml in {@code dvcDir}; file names in messages are relative to that folder. */
    public TemplateResolver(Path dvcDir, Function<Path, FileLoad> loader) {
        this(dvcDir, dvcDir, loader);
    }

    /**
     * A resolver for the dvc.yaml in {@code dvcDir} inside the repository at {@code repoRoot}; file names in messages
     * are relative to the repository root as DVC prints them ({@code 'sub/dvc.yaml'}, {@code 'sub/params.yaml'}).
     */
    public TemplateResolver(Path repoRoot, Path dvcDir, Function<Path, FileLoad> loader) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
        this.loader = loader;
        Path dir = dvcDir.toAbsolutePath().normalize();
        String rel;
        try {
            rel = this.repoRoot.relativize(dir).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            rel = dir.toString().replace('\\', '/');
        }
        this.dirLabel = rel.equals(".") ? "" : rel;
        this.relpath = normpath(join(dirLabel, "dvc.yaml"));
    }

    /** Resolves {@code root} (the dvc.yaml's root mapping) with the dvc.yaml in {@code dvcDir}. */
    public static Result resolve(YMap root, Path dvcDir, Function<Path, FileLoad> loader) {
        return new TemplateResolver(dvcDir, loader).resolve(root);
    }

    /** True when {@code s} holds a {@code ${...}} reference as DVC finds them (escaped {@code \${} does not count). */
    public static boolean containsTemplate(String s) {
        return s != null && s.contains("${") && Tmpl.Patterns.KEYCRE.matcher(s).find();
    }

    public Result resolve(YMap root) {
        return new DataResolver(dirLabel, relpath, new VarsFiles(repoRoot, loader)).run(root);
    }

    // ------------------------------------------------------------------------------------------------ Python helpers

    /** Python's {@code posixpath.join} of two parts. */
    static String join(String base, String rel) {
        if (rel.startsWith("/") || base.isEmpty()) return rel;
        return base + "/" + rel;
    }

    /** Python's {@code posixpath.normpath}. */
    static String normpath(String p) {
        boolean abs = p.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) parts.removeLast();
                else if (!abs) parts.addLast("..");
            } else {
                parts.addLast(seg);
            }
        }
        String r = (abs ? "/" : "") + String.join("/", parts);
        return r.isEmpty() ? "." : r;
    }

    /** Python's truth value of a scalar. */
    static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof Double d) return d != 0;
        if (v instanceof Number n) return n.doubleValue() != 0 || !n.toString().matches("-?0+");
        return true;
    }
}
