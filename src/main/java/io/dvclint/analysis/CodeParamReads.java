package io.dvclint.analysis;

import io.dvclint.model.MultiMaps;
import io.dvclint.model.ParamDep;
import io.dvclint.model.PathNames;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import io.dvclint.params.ParamsFiles;
import io.dvclint.script.PyParamReads;
import io.dvclint.script.RParamReads;
import io.dvclint.script.ShellLex;
import io.dvclint.script.StageScripts;
import io.dvclint.script.StageScripts.Script;
import io.dvclint.yaml.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The params keys a stage's code reads: the scripts its commands run ({@link StageScripts}) are read — Python and R
 * for loads of a params file followed by subscripts, shell scripts for lines naming a params file and a key — and
 * each read is resolved to one of the project's params files where that key exists. Also the params files a
 * command hands to its script as an argument ({@code python split.py --config=params.yaml}), whose keys the script
 * reads in ways no analysis here follows.
 */
public final class CodeParamReads {
    /**
     * A key read by a stage's code.
     *
     * @param file   the params file, absolute
     * @param name   the file as the stage would name it (relative to its wdir)
     * @param script the script that reads it, at {@code line}
     */
    public record Read(Path file, String name, String key, Script script, int line) {
    }

    /** A params file a command passes to its script: {@code word} as written in the command. */
    public record Passed(Path file, String name, String word) {
    }

    private static final Pattern FILE_REF = Pattern.compile("[\\w./-]*[\\w-]\\.(?:ya?ml|json|toml)\\b");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ProjectFacts facts;
    private final Set<Path> declaredAnywhere = new LinkedHashSet<>();
    /** The reads found in each script file, before resolution (stages share scripts). */
    private final Map<Path, List<PyParamReads.Read>> byScript = new HashMap<>();
    private final Map<Stage, List<Read>> byStage = new HashMap<>();

    CodeParamReads(ProjectFacts facts) {
        this.facts = facts;
        for (Stage s : facts.project().stages()) for (ParamDep p : s.params()) declaredAnywhere.add(p.abs());
    }

    /** The keys the stage's code reads, in the order found, each once per file. */
    public List<Read> of(Stage s) {
        List<Read> reads = byStage.get(s);
        if (reads == null) {
            reads = find(s);
            byStage.put(s, reads);
        }
        return reads;
    }

    private List<Read> find(Stage s) {
        Map<Path, String> files = files(s);
        List<Read> out = new ArrayList<>();
        if (files.isEmpty()) return out;
        Project project = facts.project();
        Set<String> seen = new LinkedHashSet<>();
        for (Script sc : StageScripts.of(s.commands(), s.wdirAbs(), project.root())) {
            if (!sc.file().startsWith(project.root())) continue;
            List<PyParamReads.Read> raw = byScript.get(sc.file());
            if (raw == null) {
                raw = reads(sc, files);
                byScript.put(sc.file(), raw);
            }
            for (PyParamReads.Read r : raw) {
                Path file = resolve(r, sc, files);
                if (file != null && seen.add(file + "\u0000" + r.key())) {
                    out.add(new Read(file, files.get(file), r.key(), sc, r.line()));
                }
            }
        }
        return out;
    }

    /**
     * The params files a stage's code may read, absolute, each with the name the stage would use for it: those it
     * declares, the {@code params.yaml} of its wdir, and those other stages declare; only files that load.
     */
    private Map<Path, String> files(Stage s) {
        Map<Path, String> files = new LinkedHashMap<>();
        for (Map.Entry<Path, String> e : ParamCoverage.readable(s).entrySet()) {
            if (ParamCoverage.loadOk(facts, e.getKey()) != null) files.put(e.getKey(), e.getValue());
        }
        for (Path p : declaredAnywhere) {
            if (files.containsKey(p) || ParamCoverage.loadOk(facts, p) == null) continue;
            try {
                files.put(p, PathNames.posix(s.wdirAbs().relativize(p)));
            } catch (IllegalArgumentException e) {
                // another root
            }
        }
        return files;
    }

    /**
     * The params files the stage's commands pass to a program as an argument, as a word or an option's value
     * ({@code params.yaml}, {@code --config=params.yaml}, {@code -c params.yaml}).
     */
    public List<Passed> passed(Stage s) {
        Map<Path, String> files = files(s);
        List<Passed> out = new ArrayList<>();
        if (files.isEmpty()) return out;
        for (String line : s.commands()) {
            for (ShellLex.Tok t : ShellLex.lex(line).toks()) {
                if (t.op() || t.expands()) continue;
                String v = t.value();
                int eq = v.startsWith("-") ? v.indexOf('=') : -1;
                String path = eq >= 0 ? v.substring(eq + 1) : v;
                if (path.isEmpty() || path.startsWith("-") || path.contains("${")) continue;
                Path abs;
                try {
                    abs = PathNames.resolve(s.wdirAbs(), path);
                } catch (RuntimeException e) {
                    continue;
                }
                if (files.containsKey(abs) && !containsFile(out, abs)) out.add(new Passed(abs, files.get(abs), v));
            }
        }
        return out;
    }

    private static boolean containsFile(List<Passed> passed, Path file) {
        for (Passed p : passed) if (p.file().equals(file)) return true;
        return false;
    }

    /** The params reads of a script, unresolved. */
    private List<PyParamReads.Read> reads(Script sc, Map<Path, String> files) {
        String text = StageScripts.read(sc.file());
        if (text == null) return List.of();
        return switch (sc.lang()) {
            case SHELL -> shellReads(text, sc, files);
            case R -> RParamReads.find(text, PARAMS_FILE);
            case PYTHON -> PyParamReads.find(new SourceText(text), PARAMS_FILE);
            default -> List.of();
        };
    }

    /**
     * Reads in a shell script (the classic gotcha: {@code grep -E '^  (lr|epochs):' params.yaml}): on a line that
     * names one of the stage's params files, each word that is the last segment of exactly one key of that file.
     * Precision first: the file must be named on the same line and the key's name must be unambiguous.
     */
    private List<PyParamReads.Read> shellReads(String text, Script sc, Map<Path, String> files) {
        List<PyParamReads.Read> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int hash = line.indexOf('#');
            if (hash == 0 || hash > 0 && Character.isWhitespace(line.charAt(hash - 1))) line = line.substring(0, hash);
            Matcher m = FILE_REF.matcher(line);
            while (m.find()) {
                String ref = m.group();
                Path file = sc.cwd().resolve(ref).normalize();
                if (!files.containsKey(file)) continue;
                ParamsFiles.Loaded l = ParamCoverage.loadOk(facts, file);
                if (l == null) continue;
                Map<String, List<String>> byLast = new HashMap<>();
                for (String k : ParamsFiles.leafKeys(l.root())) {
                    MultiMaps.listAt(byLast, k.substring(k.lastIndexOf('.') + 1)).add(k);
                }
                String rest = line.substring(0, m.start()) + " " + line.substring(m.end());
                Matcher w = WORD.matcher(rest);
                while (w.find()) {
                    List<String> keys = byLast.get(w.group());
                    if (keys != null && keys.size() == 1) out.add(new PyParamReads.Read(ref, keys.get(0), n + 1));
                }
            }
        }
        return out;
    }

    private static final Predicate<String> PARAMS_FILE = new Predicate<>() {
        @Override
        public boolean test(String s) {
            String l = s.toLowerCase(Locale.ROOT);
            return !s.contains("\n") && s.length() < 300
                    && (l.endsWith(".yaml") || l.endsWith(".yml") || l.endsWith(".json") || l.endsWith(".toml"));
        }
    };

    /** The params file a read refers to (one of the stage's), when the key exists in it. */
    private Path resolve(PyParamReads.Read r, Script sc, Map<Path, String> files) {
        List<Path> candidates = new ArrayList<>();
        if (r.fileRef() == null) {
            candidates.addAll(files.keySet()); // dvc.api.params_show(): every params file of the stage
        } else {
            Path direct = null;
            try {
                direct = sc.cwd().resolve(r.fileRef()).normalize();
            } catch (RuntimeException e) {
                // not a path
            }
            if (direct != null && files.containsKey(direct)) {
                candidates.add(direct);
            } else {
                String base = r.fileRef().substring(r.fileRef().lastIndexOf('/') + 1);
                for (Path p : files.keySet()) if (p.getFileName().toString().equals(base)) candidates.add(p);
                if (candidates.size() != 1) return null;
            }
        }
        for (Path p : candidates) {
            ParamsFiles.Loaded l = ParamCoverage.loadOk(facts, p);
            if (l != null && ParamsFiles.lookup(l.root(), r.key()).isPresent()) return p;
        }
        return null;
    }
}
