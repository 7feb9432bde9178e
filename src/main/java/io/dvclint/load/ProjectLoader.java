package io.dvclint.load;

import io.dvclint.discovery.DvcIgnore;
import io.dvclint.discovery.GitIgnore;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.DataSource;
import io.dvclint.model.DvcFile;
import io.dvclint.model.LockFile;
import io.dvclint.model.PathNames;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import io.dvclint.params.ParamsFiles;
import io.dvclint.schema.SchemaProblem;
import io.dvclint.schema.SchemaValidator;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import io.dvclint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a DVC project the way DVC does: discovers every dvc.yaml and .dvc file, parses them with positions,
 * validates them against our schema, resolves templating into stages, and reads each dvc.lock. Every problem
 * met on the way becomes a finding; loading never stops at the first one.
 */
public final class ProjectLoader {
    public static final String YAML_SYNTAX = "yaml-syntax";
    public static final String SCHEMA = "schema";
    public static final String LOCK_SCHEMA = "lock-schema";
    public static final String LOCK_GIT_IGNORED = "lock-git-ignored";
    public static final String DVCFILE_GIT_IGNORED = "dvcfile-git-ignored";
    public static final String DVCIGNORE = "dvcignore";

    private final Findings findings;
    private final boolean validationCache;
    private final ParamsFiles params = new ParamsFiles();
    /** Git's ignore rules for the project being loaded. */
    private GitIgnore git = GitIgnore.NONE;

    /** A loader that reuses the {@link ValidationCache}'s verdicts. */
    public ProjectLoader(Findings findings) {
        this(findings, true);
    }

    /** With {@code validationCache} false, every file is validated against the schema. */
    public ProjectLoader(Findings findings, boolean validationCache) {
        this.findings = findings;
        this.validationCache = validationCache;
    }

    public Project load(Path root) {
        Discovery discovery = new Discovery(root);
        git = discovery.git();
        Project project = new Project(root, discovery.ignore());
        Map<Path, Project.SkippedPipeline> owners = new HashMap<>();
        discovery.walk(new Discovery.Visitor() {
            @Override
            public void visit(Path file, boolean isDvcYaml) {
                if (isDvcYaml) {
                    DvcFile f = loadDvcYaml(project, file);
                    project.dvcFiles().add(f);
                    for (Stage s : f.stages()) {
                        for (var o : s.outs()) {
                            discovery.prune(o.abs());
                            owners.putIfAbsent(o.abs(), new Project.SkippedPipeline(null, s, o));
                        }
                    }
                } else {
                    DataSource ds = loadDotDvc(project, file);
                    if (ds != null) project.dataSources().add(ds);
                }
            }

            @Override
            public void gitIgnored(Path file, boolean isDvcYaml, GitIgnore.Line line) {
                String rel = project.rel(file);
                findings.add(new Finding(DVCFILE_GIT_IGNORED, Severity.WARNING, file, Pos.START, "'" + rel
                        + "' is git-ignored (" + shown(project, line) + "): DVC leaves it out of the project, so "
                        + (isDvcYaml ? "its stages are never shown, checked or run" : "the data it tracks is not "
                        + "part of the project"), "take that line out (or add a line '!" + file.getFileName()
                        + "' after it)"));
            }

            @Override
            public void skipped(Path file, Path outputDir) {
                Project.SkippedPipeline o = owners.get(outputDir);
                if (o != null) project.skippedPipelines().add(new Project.SkippedPipeline(file, o.owner(), o.out()));
            }
        });
        for (DvcIgnore.Problem p : discovery.ignore().problems()) {
            findings.add(new Finding(DVCIGNORE, Severity.ERROR, p.file(), new Pos(Math.max(1, p.line()), 1),
                    p.message()));
        }
        return project;
    }

    /** The params and vars files read while loading (for templating), each read once; rules reuse them. */
    public ParamsFiles params() {
        return params;
    }

    /** Reads a file as strict UTF-8; reports a positioned yaml-syntax finding and returns null when it cannot. */
    SourceText read(Path file, String rule) {
        byte[] bytes;
        try {
            bytes = SourceText.readFile(file);
        } catch (IOException e) {
            findings.add(new Finding(rule, Severity.ERROR, file, Pos.START, "cannot read file: " + e.getMessage()));
            return null;
        }
        Object decoded = SourceText.decode(bytes);
        if (decoded instanceof SourceText.DecodeError err) {
            findings.add(new Finding(YAML_SYNTAX, Severity.ERROR, file, err.pos(), err.message()));
            return null;
        }
        SourceText text = (SourceText) decoded;
        findings.source(file, text);
        return text;
    }

    /**
     * Parses YAML text; reports a yaml-syntax finding and returns null on failure. An empty document, or one Python
     * finds false ({@code ~}, {@code 0}, {@code []}, ...), is an empty mapping, as DVC's {@code load(text) or {}}.
     */
    YNode parse(Path file, SourceText text) {
        YamlLoader.Result r = YamlLoader.load(text);
        if (!r.ok()) {
            boolean conflict = text.text().contains("\n<<<<<<< ") || text.text().startsWith("<<<<<<< ");
            findings.add(new Finding(YAML_SYNTAX, Severity.ERROR, file, r.problem().pos(),
                    "invalid YAML: " + r.problem().message() + (conflict ? " (possible merge conflict)" : ""),
                    conflict ? "resolve the merge conflict markers (<<<<<<<, =======, >>>>>>>) first" : null));
            return null;
        }
        return YMap.orEmpty(r.root());
    }

    DvcFile loadDvcYaml(Project project, Path file) {
        String rel = project.rel(file);
        SourceText text = read(file, YAML_SYNTAX);
        YNode root = text == null ? null : parse(file, text);
        boolean valid = root != null;
        if (root != null && !(validationCache && ValidationCache.knownValid("dvc.yaml", text.text()))) {
            for (SchemaProblem p : SchemaValidator.validateDvcYaml(root)) {
                findings.add(new Finding(SCHEMA, Severity.ERROR, file, p.pos(), p.message(), p.hint()));
                valid = false;
            }
            if (valid && validationCache) ValidationCache.markValid("dvc.yaml", text.text());
        }
        DvcFile f = new DvcFile(file, rel, text, root instanceof YMap m ? m : null, valid);
        if (valid) {
            new StageResolution(findings, params).resolve(project, f);
        } else if (f.root() != null) {
            // DVC refuses the file, but the other rules still have something to say about its stages: resolve
            // what can be resolved (findings of this best-effort pass are dropped; the schema errors stand)
            try {
                new StageResolution(new Findings(), params).resolve(project, f);
            } catch (RuntimeException e) {
                f.stages().clear();
            }
        }
        Path lockPath = file.resolveSibling("dvc.lock");
        GitIgnore.Line ignored = git.ignoredBy(lockPath, false);
        if (ignored != null) {
            // DVC checks it whenever it loads the file's stages, whether the lock exists or not (Lockfile._load)
            String lock = project.rel(lockPath);
            findings.add(new Finding(LOCK_GIT_IGNORED, Severity.ERROR, file, Pos.START, "'" + lock
                    + "' is git-ignored (" + shown(project, ignored) + "): DVC refuses to load the stages of '" + rel
                    + "' ('" + lock + "' is git-ignored.)", "take that line out (or add a line '!dvc.lock' after "
                    + "it) and commit " + lock + ": it records what was reproduced"));
        }
        if (Inputs.isRegularFile(lockPath)) f.setLock(loadLock(lockPath));
        return f;
    }

    /** Where an ignore line is: its file (relative to the project root where it lies inside), number and text. */
    private static String shown(Project project, GitIgnore.Line line) {
        Path f = line.file();
        String where = f.startsWith(project.root()) ? project.rel(f) : f.toString();
        return where + ":" + line.number() + ": " + line.text().strip();
    }

    LockFile loadLock(Path lockPath) {
        SourceText text = read(lockPath, YAML_SYNTAX);
        YNode root = text == null ? null : parse(lockPath, text);
        if (root == null) return new LockFile(lockPath, text, null, Map.of(), false);
        boolean valid = true;
        if (!(validationCache && ValidationCache.knownValid("dvc.lock", text.text()))) {
            for (SchemaProblem p : SchemaValidator.validateLock(root)) {
                findings.add(new Finding(LOCK_SCHEMA, Severity.ERROR, lockPath, p.pos(), p.message(), p.hint()));
                valid = false;
            }
            if (valid && validationCache) ValidationCache.markValid("dvc.lock", text.text());
        }
        return new LockFile(lockPath, text, root, valid ? LockParser.stages(root) : Map.of(), valid);
    }

    /** A .dvc data source: its outputs become nodes of the DAG. Broken .dvc files are reported and skipped. */
    DataSource loadDotDvc(Project project, Path file) {
        SourceText text = read(file, YAML_SYNTAX);
        if (text == null) return null;
        YNode root = parse(file, text);
        if (!(root instanceof YMap m)) return null;
        Path base = file.getParent();
        if (m.get("wdir") instanceof YScalar w && w.value() instanceof String s) base = PathNames.resolve(base, s);
        List<Path> outs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (m.get("outs") instanceof YSeq seq) {
            for (YNode n : seq.items()) {
                if (n instanceof YMap om && om.get("path") instanceof YScalar p && p.value() != null) {
                    String ps = String.valueOf(p.value());
                    paths.add(ps);
                    outs.add(PathNames.resolve(base, ps));
                }
            }
        }
        return new DataSource(file, project.rel(file), List.copyOf(outs), List.copyOf(paths), m, text.text());
    }
}
