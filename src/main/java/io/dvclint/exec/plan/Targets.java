package io.dvclint.exec.plan;

import io.dvclint.graph.PipelineGraph;
import io.dvclint.graph.PipelineNode;
import io.dvclint.load.Discovery;
import io.dvclint.model.DataSource;
import io.dvclint.model.DvcFile;
import io.dvclint.model.PathNames;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stages command-line targets name, as DVC's {@code parse_target} and {@code StageLoad.collect} read them:
 * {@code train}, {@code build@us}, a foreach/matrix group {@code build}, {@code sub/dvc.yaml},
 * {@code sub/dvc.yaml:train}, {@code :train}, a {@code .dvc} file; with {@code --glob} the name is a shell pattern
 * ({@code train-*}); with {@code -R} a folder stands for every stage defined under it. Paths are relative to the
 * current folder; a bare name is a stage of the {@code dvc.yaml} there.
 */
public final class Targets {
    public static final String PROJECT_FILE = "dvc.yaml";

    private final Project project;
    private final PipelineGraph graph;
    private final Path cwd;

    public Targets(Project project, PipelineGraph graph, Path cwd) {
        this.project = project;
        this.graph = graph;
        this.cwd = cwd;
    }

    /** DVC's refusal of a target file the project walk left out because git ignores it. */
    private void gitIgnored(Path file) throws TargetException {
        String refused = Discovery.gitIgnoredTarget(project.root(), cwd, file);
        if (refused != null) throw new TargetException(refused);
    }

    /** The stages of every target, in target order then file order, each once. */
    public List<PipelineNode> resolve(List<String> targets, boolean recursive, boolean glob) throws TargetException {
        Set<PipelineNode> out = new LinkedHashSet<>();
        for (String t : targets) out.addAll(resolve(t, recursive, glob));
        return new ArrayList<>(out);
    }

    /** Every stage of the project, in collection order. */
    public List<PipelineNode> all() {
        return graph.nodes();
    }

    private List<PipelineNode> resolve(String target, boolean recursive, boolean glob) throws TargetException {
        Path asPath = cwd.resolve(target).normalize();
        if (recursive && Files.isDirectory(asPath)) {
            List<PipelineNode> out = new ArrayList<>();
            for (PipelineNode n : graph.nodes()) if (file(n).startsWith(asPath)) out.add(n);
            return out;
        }
        String path;
        String name;
        if (glob) {
            int colon = target.lastIndexOf(':');
            path = colon < 0 ? "" : target.substring(0, colon);
            name = colon < 0 ? target : target.substring(colon + 1);
            if (path.isEmpty()) path = PROJECT_FILE;
            if (name.isEmpty()) name = null;
        } else {
            String[] parsed = parse(target);
            path = parsed[0];
            name = parsed[1];
        }
        Path file = cwd.resolve(path).normalize();
        if (path.endsWith(".dvc")) {
            for (DataSource d : project.dataSources()) {
                if (d.path().equals(file)) return List.of(nodeOf(d));
            }
            gitIgnored(file);
            throw new TargetException("'" + path + "' does not exist");
        }
        DvcFile f = null;
        for (DvcFile x : project.dvcFiles()) if (x.path().equals(file)) f = x;
        if (f == null) {
            gitIgnored(file);
            String shown = path.equals(PROJECT_FILE) ? file.toString() : path;
            throw new TargetException("'" + shown + "' does not exist");
        }
        List<PipelineNode> out = new ArrayList<>();
        if (name == null) {
            for (Stage s : f.stages()) out.add(graph.node(s));
            return out;
        }
        if (glob) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + name);
            for (Stage s : f.stages()) if (m.matches(Path.of(s.name()))) out.add(graph.node(s));
        } else {
            for (Stage s : f.stages()) {
                if (s.name().equals(name) || s.group() != null && s.group().equals(name)) out.add(graph.node(s));
            }
        }
        if (out.isEmpty()) {
            throw new TargetException("Stage '" + name + "' not found inside '" + PathNames.posix(cwd.relativize(f.path()))
                    + "' file");
        }
        return out;
    }

    /**
     * {@code parse_target}: a path and a stage name ({@code path:name}, {@code :name}, a bare name, or a pipeline
     * file); a target naming {@code dvc.lock} is refused with DVC's hint.
     */
    static String[] parse(String target) throws TargetException {
        int at = target.indexOf('@');
        String group = at < 0 ? target : target.substring(0, at);
        String key = at < 0 ? null : target.substring(at + 1);
        String path = group;
        String name = null;
        int colon = group.lastIndexOf(':');
        if (colon >= 0 && group.indexOf('/', colon) < 0 && group.indexOf('\\', colon) < 0) {
            path = group.substring(0, colon);
            name = group.substring(colon + 1);
        }
        if (name != null && name.isEmpty()) name = null;
        if (name != null && key != null) name += "@" + key;
        if (!path.isEmpty()) {
            String base = path.substring(path.lastIndexOf('/') + 1);
            if (base.equals("dvc.lock")) {
                throw new TargetException("Did you mean: `" + target.replaceFirst("\\.lock", ".yaml") + "`?");
            }
            if (name == null) {
                if (isPipelineFile(target)) return new String[] {target, null};
                return new String[] {PROJECT_FILE, target};
            }
        }
        return new String[] {path.isEmpty() ? PROJECT_FILE : path, name};
    }

    private static boolean isPipelineFile(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return base.equals(PROJECT_FILE) || base.endsWith(".dvc");
    }

    private PipelineNode nodeOf(DataSource d) {
        for (PipelineNode n : graph.nodes()) if (n.source() == d) return n;
        throw new IllegalStateException("data source without a node: " + d.relPath());
    }

    private static Path file(PipelineNode n) {
        return n.stage() != null ? n.stage().file().path() : n.source().path();
    }
}
