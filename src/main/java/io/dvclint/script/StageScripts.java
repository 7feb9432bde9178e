package io.dvclint.script;

import io.dvclint.fs.Inputs;
import io.dvclint.model.PathNames;
import io.dvclint.yaml.SourceText;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scripts a stage's commands run, found from the command words — the one place that knows how commands name
 * them, so every rule agrees on what a {@code cmd} runs:
 * <ul>
 *   <li>interpreters with a script argument: Python ({@code python}, {@code python3.11}, {@code pypy3}, {@code py},
 *       with or without a folder; {@code -m pkg.mod} is {@code pkg/mod.py} or {@code pkg/mod/__main__.py}), R
 *       ({@code Rscript}), shells ({@code bash}, {@code sh}, {@code zsh}, {@code dash}, {@code ksh}), notebooks
 *       ({@code papermill}, {@code jupyter nbconvert/execute}) and other interpreters ({@code node},
 *       {@code perl}, {@code ruby}, {@code julia}, ...); inline code ({@code -c}, {@code -e}) runs no file;</li>
 *   <li>a script run by its path ({@code ./train.sh}, {@code scripts/run.py});</li>
 *   <li>behind wrappers ({@code time}, {@code nohup}, {@code env}, {@code stdbuf}, ...) and project runners
 *       ({@code uv run}, {@code poetry run}, {@code conda run -n env}, ...), after {@code VAR=value} assignments,
 *       in the folder that {@code cd dir &&} or {@code pushd dir} moved to;</li>
 *   <li>inside the project's shell scripts that the command runs, one level down ({@link Script#via()}).</li>
 * </ul>
 * Scripts are returned whether they exist or not: a stage may run a file another stage writes.
 */
public final class StageScripts {
    /** The language a script is read as. */
    public enum Lang { PYTHON, R, SHELL, NOTEBOOK, OTHER }

    /**
     * A script a command runs.
     *
     * @param written as the command names it ({@code src/train.py}, or {@code -m pkg.mod})
     * @param file    the absolute, normalized path
     * @param cwd     the folder the command runs it in
     * @param via     the shell script whose line runs it, or null when the stage's own command does
     */
    public record Script(String written, Path file, Path cwd, Lang lang, Path via) {
        /** The module {@code python -m} runs ({@code written} is {@code -m NAME}), else null. */
        public String module() {
            return written.startsWith("-m ") ? written.substring(3) : null;
        }
    }

    private static final Set<String> WRAPPERS = Set.of("time", "nohup", "exec", "command", "nice", "env", "stdbuf",
            "xvfb-run");
    /** Options of wrappers that take a separate value ({@code nice -n 5}, {@code env -u VAR}, {@code time -o f}). */
    private static final Set<String> WRAPPER_VALUE_OPTS = Set.of("-n", "-u", "-f", "-o", "-i", "-e",
            "--adjustment", "--unset", "--format", "--output");
    private static final Set<String> RUNNERS = Set.of("uv", "poetry", "pipenv", "pdm", "hatch", "rye", "conda",
            "mamba", "micromamba", "pixi");
    /** Options of runners that take a separate value. */
    private static final Set<String> RUNNER_VALUE_OPTS = Set.of("-n", "--name", "-p", "--prefix", "--with",
            "--python", "--project", "--directory", "--env-file", "--extra", "--group", "--package", "-e", "--env",
            "--manifest-path", "--environment", "--cwd", "--only-group");
    private static final Set<String> PYTHON_VALUE_OPTS = Set.of("-W", "-X", "-Q", "--check-hash-based-pycs");
    private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash", "ksh");
    private static final Set<String> OTHER = Set.of("rscript", "node", "perl", "ruby", "julia", "php", "lua", "deno",
            "bun", "tsx", "ts-node");
    /** Interpreter options that take a separate value ({@code node -r x}, {@code perl -O 777}). */
    private static final Set<String> OTHER_VALUE_OPTS = Set.of("-o", "-r", "--require", "-O");
    private static final Pattern PYTHON = Pattern.compile("python(\\d+(\\.\\d+)?)?w?|pypy\\d?(\\.\\d+)?|py");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern WINDOWS_PATH = Pattern.compile("[A-Za-z0-9_.\\\\/-]+");
    private static final long MAX_SIZE = 2_000_000;

    private StageScripts() {
    }

    /**
     * The scripts {@code commands} (a stage's command lines) run in {@code wdir}; shell scripts inside {@code root}
     * are read for the scripts they run in turn.
     */
    public static List<Script> of(List<String> commands, Path wdir, Path root) {
        List<Script> out = new ArrayList<>();
        // DVC runs each line in a shell of its own: a cd ends with its line
        for (String line : commands) scan(ShellLex.lex(line).toks(), wdir, root, null, out);
        return out;
    }

    private static void scan(List<ShellLex.Tok> words, Path wdir, Path root, Path via, List<Script> out) {
        Path cwd = wdir;
        for (List<ShellLex.Tok> cmd : ShellLex.commands(words)) {
            int i = 0;
            while (i < cmd.size() && ShellLex.isAssignment(cmd.get(i))) i++;
            if (i >= cmd.size()) continue;
            ShellLex.Tok first = cmd.get(i);
            if (first.is("cd") || first.is("pushd")) {
                // a folder the command moves to; where it cannot be known, nothing after it is found
                if (i + 1 >= cmd.size() || !plain(cmd.get(i + 1)) || cmd.get(i + 1).value().startsWith("-")) return;
                cwd = PathNames.resolve(cwd, cmd.get(i + 1).value());
                continue;
            }
            Script s;
            try {
                s = script(cmd, i, cwd, via);
            } catch (InvalidPathException e) {
                continue; // a word no file can be named by
            }
            if (s == null || contains(out, s.file())) continue;
            out.add(s);
            if (s.lang() == Lang.SHELL && via == null && s.file().startsWith(root)) {
                String text = read(s.file());
                if (text != null) scan(ShellLex.words(text), cwd, root, s.file(), out);
            }
        }
    }

    private static boolean contains(List<Script> scripts, Path file) {
        for (Script s : scripts) if (s.file().equals(file)) return true;
        return false;
    }

    private static Script script(List<ShellLex.Tok> cmd, int i, Path cwd, Path via) {
        i = skipWrappers(cmd, i);
        if (i >= cmd.size()) return null;
        ShellLex.Tok head = cmd.get(i);
        if (!plain(head)) return null;
        String prog = head.value();
        String base = prog.substring(prog.lastIndexOf('/') + 1);
        if (PYTHON.matcher(base).matches()) return python(cmd, i + 1, cwd, via);
        if (base.equals("papermill") || base.equals("jupyter") && i + 1 < cmd.size()
                && (cmd.get(i + 1).is("nbconvert") || cmd.get(i + 1).is("execute"))) {
            for (int j = i + 1; j < cmd.size(); j++) {
                if (cmd.get(j).value().endsWith(".ipynb")) return file(cmd.get(j), cwd, Lang.NOTEBOOK, via);
            }
            return null;
        }
        String lower = base.toLowerCase(Locale.ROOT);
        boolean shell = SHELLS.contains(base);
        if (shell || OTHER.contains(lower)) {
            int j = i + 1;
            if (base.equals("deno") && j < cmd.size() && cmd.get(j).is("run")) j++;
            for (; j < cmd.size(); j++) {
                String v = cmd.get(j).value();
                if (v.equals("-c") || v.equals("-") || shell && v.startsWith("-") && !v.startsWith("--")
                        && v.contains("c")) {
                    return null;
                }
                if (!shell && (v.equals("-e") || v.equals("-p") || v.equals("--eval") || v.equals("--print"))) {
                    return null;
                }
                if (OTHER_VALUE_OPTS.contains(v)) {
                    j++;
                } else if (!v.startsWith("-")) {
                    Lang lang = shell ? Lang.SHELL : lower.equals("rscript") ? Lang.R : Lang.OTHER;
                    return file(cmd.get(j), cwd, lang, via);
                }
            }
            return null;
        }
        // a script run by its path: ./run.sh, scripts/train.py
        if (prog.contains("/") && !prog.startsWith("/") && !prog.startsWith("~")) {
            return file(head, cwd, byExtension(prog), via);
        }
        return null;
    }

    private static int skipWrappers(List<ShellLex.Tok> cmd, int i) {
        while (i < cmd.size()) {
            String w = cmd.get(i).value();
            if (WRAPPERS.contains(w.substring(w.lastIndexOf('/') + 1))) {
                i++;
                while (i < cmd.size() && (cmd.get(i).value().startsWith("-") || ShellLex.isAssignment(cmd.get(i)))) {
                    i += WRAPPER_VALUE_OPTS.contains(cmd.get(i).value()) ? 2 : 1;
                }
            } else if (RUNNERS.contains(w) && i + 1 < cmd.size() && cmd.get(i + 1).is("run")) {
                i += 2;
                while (i < cmd.size() && cmd.get(i).value().startsWith("-")) {
                    String opt = cmd.get(i).value();
                    i += RUNNER_VALUE_OPTS.contains(opt) ? 2 : 1;
                }
            } else {
                return i;
            }
        }
        return i;
    }

    private static Script python(List<ShellLex.Tok> cmd, int j, Path cwd, Path via) {
        for (; j < cmd.size(); j++) {
            ShellLex.Tok t = cmd.get(j);
            String v = t.value();
            if (v.equals("-c") || v.startsWith("-c") && !v.startsWith("--")) return null;
            if (v.equals("-m")) {
                return j + 1 < cmd.size() && plain(cmd.get(j + 1)) ? module(cmd.get(j + 1).value(), cwd, via) : null;
            }
            if (v.startsWith("-m") && !v.startsWith("--")) return module(v.substring(2), cwd, via);
            if (PYTHON_VALUE_OPTS.contains(v)) {
                j++;
            } else if (v.equals("-")) {
                return null;
            } else if (!v.startsWith("-")) {
                return file(t, cwd, Lang.PYTHON, via);
            }
        }
        return null;
    }

    private static Lang byExtension(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".py")) return Lang.PYTHON;
        if (p.endsWith(".sh") || p.endsWith(".bash")) return Lang.SHELL;
        if (p.endsWith(".r")) return Lang.R;
        if (p.endsWith(".ipynb")) return Lang.NOTEBOOK;
        return Lang.OTHER;
    }

    /** A word that names a file as it is: no expansion, no templating left. */
    private static boolean plain(ShellLex.Tok t) {
        return !t.op() && !t.expands() && !t.value().isEmpty() && !t.value().contains("${")
                && !t.value().contains("*");
    }

    private static Script file(ShellLex.Tok t, Path cwd, Lang lang, Path via) {
        if (!plain(t)) return null;
        String v = t.value();
        // src\train.py: written for Windows, where the backslash separates folders
        if (!t.quoted() && t.raw().contains("\\") && WINDOWS_PATH.matcher(t.raw()).matches()) {
            v = t.raw().replace('\\', '/');
        }
        if (v.startsWith("/") || v.startsWith("~") || PathNames.isUrl(v)) return null;
        return new Script(v, PathNames.resolve(cwd, v), cwd, lang, via);
    }

    private static Script module(String mod, Path cwd, Path via) {
        if (!MODULE.matcher(mod).matches()) return null;
        String rel = mod.replace('.', '/');
        Path file = PathNames.resolve(cwd, rel + ".py");
        Path main = PathNames.resolve(cwd, rel + "/__main__.py");
        if (!Inputs.isRegularFile(file) && Inputs.isRegularFile(main)) file = main;
        return new Script("-m " + mod, file, cwd, Lang.PYTHON, via);
    }

    /** The text of a small UTF-8 file, or null. */
    public static String read(Path f) {
        try {
            if (!Inputs.isRegularFile(f) || Inputs.size(f) > MAX_SIZE) return null;
            return SourceText.decode(SourceText.readFile(f)) instanceof SourceText t ? t.text() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
