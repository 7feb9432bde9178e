package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.findings.TextEdit;
import io.dvclint.fix.YamlEdits;
import io.dvclint.fs.Inputs;
import io.dvclint.graph.PipelineGraph;
import io.dvclint.model.Dep;
import io.dvclint.model.Out;
import io.dvclint.model.PathNames;
import io.dvclint.model.Stage;
import io.dvclint.script.Ascii;
import io.dvclint.script.ShellLex;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code script-not-in-deps}: the cmd runs a script of the project that the stage does not depend on. */
public final class ScriptNotInDepsRule extends Rule {
    public ScriptNotInDepsRule() {
        super("script-not-in-deps", Severity.WARNING,
                "`cmd` runs a script of the project that is not among the stage's `deps` (editing it reruns"
                        + " nothing)", true);
    }

    /** Compiled on first use: only Windows-style paths and {@code python -m} need them. */
    private static final class Forms {
        static final Pattern WINDOWS_PATH = Pattern.compile("[A-Za-z0-9_.\\\\/-]+");
        static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    }
    private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash", "ksh");
    private static final Set<String> OTHER = Set.of("Rscript", "node", "perl", "ruby", "julia", "php", "lua",
            "deno", "bun", "tsx", "ts-node");
    /** Wrappers whose following words run the real command: {@code uv run python x.py}, {@code time ...}. */
    private static final Set<String> WRAPPERS = Set.of("time", "nohup", "exec", "nice", "env", "command",
            "stdbuf", "xvfb-run");
    private static final Set<String> RUNNERS = Set.of("uv", "poetry", "pipenv", "pdm", "hatch", "rye", "conda",
            "mamba", "micromamba", "pixi");
    /** Options of runners that take a value. */
    private static final Set<String> VALUE_OPTS = Set.of("-n", "--name", "-p", "--prefix", "--with", "--python",
            "--project", "--directory", "--env-file", "--extra", "--group", "--package", "-e", "--env",
            "--manifest-path", "--environment", "--cwd", "--only-group");
    private static final Set<String> PY_VALUE_OPTS = Set.of("-W", "-X", "-Q");

    /** A script a stage's cmd runs: as written in cmd, its absolute path, and the dep path naming it. */
    record Script(String written, Path abs, String dep) {
    }

    @Override
    public void check(RuleContext ctx) {
        PipelineGraph graph = null;
        for (Stage s : ctx.project().stages()) {
            List<Script> missing = new ArrayList<>();
            for (Script sc : scripts(s)) {
                if (covered(s, sc.abs())) continue;
                boolean exists = Inputs.isRegularFile(sc.abs());
                if (!exists) {
                    if (graph == null) graph = ctx.graph();
                    if (graph.ownerOf(sc.abs()) == null && graph.producersOf(sc.abs()).isEmpty()) continue;
                }
                if (missing.stream().noneMatch(m -> m.abs().equals(sc.abs()))) missing.add(sc);
            }
            for (Script sc : missing) {
                ctx.report(s, s.cmdPos() != null ? s.cmdPos() : s.pos(), "cmd of " + s + " runs '" + sc.written()
                        + "', which is not among its deps: editing it does not rerun the stage",
                        "add `- " + sc.dep() + "` to its deps", fix(ctx, s, sc.dep()));
            }
        }
    }

    /** Whether a dep of the stage is the script or a folder containing it, or the stage writes it itself. */
    private static boolean covered(Stage s, Path script) {
        for (Dep d : s.deps()) if (PathNames.isWithin(script, d.abs())) return true;
        for (Out o : s.outs()) if (PathNames.isWithin(script, o.abs())) return true;
        return false;
    }

    /** The project scripts the stage's commands run (existing or not; the caller checks). */
    static List<Script> scripts(Stage s) {
        List<Script> out = new ArrayList<>();
        if (s.wdirAbs() == null || s.wdir() != null && s.wdir().contains("${")) return out;
        for (String line : s.commands()) {
            try {
                scripts(s, line, out);
            } catch (InvalidPathException e) {
                // a word no file can be named by
            }
        }
        return out;
    }

    private static void scripts(Stage s, String line, List<Script> out) {
        ShellLex.Result r = ShellLex.lex(line);
        Path cwd = s.wdirAbs();
        for (List<ShellLex.Tok> cmd : ShellLex.commands(r.toks())) {
            if (cwd == null) break;
            int i = 0;
            while (i < cmd.size() && isAssignment(cmd.get(i))) i++;
            if (i >= cmd.size()) continue;
            ShellLex.Tok first = cmd.get(i);
            if (first.is("cd") || first.is("pushd")) {
                cwd = i + 1 < cmd.size() && plainPath(cmd.get(i + 1)) && !cmd.get(i + 1).value().startsWith("-")
                        ? PathNames.resolve(cwd, cmd.get(i + 1).value()) : null;
                continue;
            }
            Script sc = script(cmd, i, cwd, s.wdirAbs());
            if (sc != null) out.add(sc);
        }
    }

    private static boolean isAssignment(ShellLex.Tok t) {
        return ShellLex.isAssignment(t);
    }

    private static boolean plainPath(ShellLex.Tok t) {
        return !t.op() && !t.expands() && !t.value().isEmpty() && !t.value().contains("${");
    }

    private static Script script(List<ShellLex.Tok> cmd, int i, Path cwd, Path wdir) {
        // wrappers and runners
        while (i < cmd.size()) {
            String w = cmd.get(i).value();
            if (WRAPPERS.contains(w)) {
                i++;
                while (i < cmd.size() && (cmd.get(i).value().startsWith("-") || isAssignment(cmd.get(i)))) i++;
            } else if (RUNNERS.contains(w) && i + 1 < cmd.size() && cmd.get(i + 1).value().equals("run")) {
                i += 2;
                while (i < cmd.size() && cmd.get(i).value().startsWith("-")) {
                    String opt = cmd.get(i).value();
                    i += VALUE_OPTS.contains(opt) ? 2 : 1;
                }
            } else {
                break;
            }
        }
        if (i >= cmd.size()) return null;
        ShellLex.Tok head = cmd.get(i);
        if (!plainPath(head)) return null;
        String prog = head.value();
        String base = prog.substring(prog.lastIndexOf('/') + 1);
        if (Ascii.pythonName(base)) {
            for (int j = i + 1; j < cmd.size(); j++) {
                ShellLex.Tok t = cmd.get(j);
                String v = t.value();
                if (v.equals("-c")) return null;
                if (v.equals("-m")) {
                    return j + 1 < cmd.size() && plainPath(cmd.get(j + 1)) ? module(cmd.get(j + 1).value(), cwd, wdir)
                            : null;
                }
                if (v.startsWith("-m") && v.length() > 2 && !v.startsWith("--")) {
                    return module(v.substring(2), cwd, wdir);
                }
                if (PY_VALUE_OPTS.contains(v)) {
                    j++;
                    continue;
                }
                if (v.startsWith("-")) continue;
                return file(t, cwd, wdir);
            }
            return null;
        }
        if (base.equals("papermill") || base.equals("jupyter") && i + 1 < cmd.size()
                && (cmd.get(i + 1).value().equals("nbconvert") || cmd.get(i + 1).value().equals("execute"))) {
            // the input notebook: the first argument naming one (options take values papermill-style)
            for (int j = i + 1; j < cmd.size(); j++) {
                if (cmd.get(j).value().endsWith(".ipynb")) return file(cmd.get(j), cwd, wdir);
            }
            return null;
        }
        if (SHELLS.contains(base) || OTHER.contains(base)) {
            int j = i + 1;
            if (base.equals("deno") && j < cmd.size() && cmd.get(j).value().equals("run")) j++;
            for (; j < cmd.size(); j++) {
                ShellLex.Tok t = cmd.get(j);
                String v = t.value();
                boolean shell = SHELLS.contains(base);
                if (v.equals("-c") || v.equals("-") || !shell && (v.equals("-e") || v.equals("-p")
                        || v.equals("--eval") || v.equals("--print"))) {
                    return null;
                }
                if (v.equals("-o") || v.equals("-r") || v.equals("--require") || v.equals("-O")) {
                    j++;
                    continue;
                }
                if (v.startsWith("-")) continue;
                return file(t, cwd, wdir);
            }
            return null;
        }
        // a script run directly by its path: ./run.sh, scripts/train.sh
        if (prog.contains("/") && !prog.startsWith("/") && !prog.startsWith("~")) return file(head, cwd, wdir);
        return null;
    }

    private static Script file(ShellLex.Tok t, Path cwd, Path wdir) {
        if (!plainPath(t)) return null;
        String v = t.value();
        // src\train.py: written for Windows, where the backslash separates folders
        if (!t.quoted() && t.raw().contains("\\") && Forms.WINDOWS_PATH.matcher(t.raw()).matches()) {
            v = t.raw().replace('\\', '/');
        }
        if (v.startsWith("/") || v.startsWith("~") || PathNames.isUrl(v)) return null;
        Path abs = PathNames.resolve(cwd, v);
        return new Script(v, abs, depPath(wdir, abs));
    }

    private static Script module(String mod, Path cwd, Path wdir) {
        if (!Forms.MODULE.matcher(mod).matches()) return null;
        String rel = mod.replace('.', '/');
        Path file = PathNames.resolve(cwd, rel + ".py");
        if (!Inputs.isRegularFile(file) && Inputs.isRegularFile(PathNames.resolve(cwd, rel + "/__main__.py"))) {
            file = PathNames.resolve(cwd, rel + "/__main__.py");
        }
        return new Script("-m " + mod, file, depPath(wdir, file));
    }

    private static String depPath(Path wdir, Path abs) {
        return PathNames.posix(wdir.relativize(abs));
    }

    // ---- fix

    private List<TextEdit> fix(RuleContext ctx, Stage s, String dep) {
        if (s.group() != null || s.def() == null || s.def().isFlow()) return List.of();
        Path path = s.file().path();
        SourceText src = ctx.source(path);
        if (src == null) return List.of();
        String item = yamlItem(dep);
        String nl = YamlEdits.newline(src);
        YMap.Entry depsEntry = YamlEdits.entry(s, "deps");
        if (depsEntry != null) {
            if (!(depsEntry.value() instanceof YSeq deps)) return List.of();
            if (deps.isFlow()) {
                if (deps.size() == 0) {
                    int at = src.offset(deps.pos());
                    if (at >= src.text().length() || src.text().charAt(at) != '[') return List.of();
                    return List.of(YamlEdits.insert(path, at + 1, item));
                }
                YNode last = deps.get(deps.size() - 1);
                if (!(last instanceof YScalar) || last.end() == null) return List.of();
                return List.of(YamlEdits.insert(path, src.offset(last.end()), ", " + item));
            }
            if (deps.size() == 0) return List.of();
            YNode first = deps.get(0), last = deps.get(deps.size() - 1);
            if (!(last instanceof YScalar) || last.end() == null || last.end().line() != last.pos().line()) {
                return List.of();
            }
            String prefix = YamlEdits.before(src, first.pos());
            if (!YamlEdits.isBlockItemStart(prefix) || !YamlEdits.isBlockItemStart(YamlEdits.before(src, last.pos()))) {
                return List.of();
            }
            int at = YamlEdits.nextLineStart(src, last.pos().line());
            return List.of(YamlEdits.insert(path, at, lead(src, at, nl) + prefix + item + nl));
        }
        // no deps: a new block after cmd
        YMap.Entry cmd = YamlEdits.entry(s, "cmd");
        if (cmd == null) return List.of();
        String keyIndent = YamlEdits.before(src, cmd.key().pos());
        if (!keyIndent.isBlank() || keyIndent.contains("\t")) return List.of();
        int at;
        YNode v = cmd.value();
        if (v.end() != null && v.pos().line() == cmd.key().pos().line() && v.end().line() == v.pos().line()
                && !(v instanceof YScalar sc
                        && (sc.style() == YScalar.Style.LITERAL || sc.style() == YScalar.Style.FOLDED))) {
            at = YamlEdits.nextLineStart(src, v.pos().line());
        } else {
            YMap.Entry next = null;
            List<YMap.Entry> es = s.def().entries();
            for (int k = 0; k < es.size() - 1; k++) if (es.get(k) == cmd) next = es.get(k + 1);
            if (next == null || !YamlEdits.before(src, next.key().pos()).equals(keyIndent)) return List.of();
            at = YamlEdits.lineStart(src, next.key().pos().line());
        }
        String itemPrefix = keyIndent + listIndent(s, src) + "- ";
        String block = keyIndent + "deps:" + nl + itemPrefix + item + nl;
        return List.of(YamlEdits.insert(path, at, lead(src, at, nl) + block));
    }

    /** A line break first when inserting at the end of a file that does not end with one. */
    private static String lead(SourceText src, int at, String nl) {
        String t = src.text();
        return at == t.length() && !t.isEmpty() && !t.endsWith("\n") && !t.endsWith("\r") ? nl : "";
    }

    /** How far the stage's other block lists indent their items under their key ("  " or ""). */
    private static String listIndent(Stage s, SourceText src) {
        for (String key : List.of("outs", "metrics", "plots", "params")) {
            YMap.Entry e = YamlEdits.entry(s, key);
            if (e != null && e.value() instanceof YSeq seq && !seq.isFlow() && seq.size() > 0) {
                String k = YamlEdits.before(src, e.key().pos()), item = YamlEdits.before(src, seq.get(0).pos());
                if (!k.isBlank() || !YamlEdits.isBlockItemStart(item)) continue;
                int dash = item.indexOf('-');
                if (dash >= k.length()) return " ".repeat(dash - k.length());
            }
        }
        return "  ";
    }

    private static String yamlItem(String dep) {
        return dep.matches("[A-Za-z0-9_./][A-Za-z0-9_./@+-]*") && !dep.equals(".") ? dep
                : "'" + dep.replace("'", "''") + "'";
    }
}
