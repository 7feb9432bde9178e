package io.dvclint.script;

import io.dvclint.fs.Inputs;
import io.dvclint.yaml.SourceText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The scripts a stage's commands run, found from the command words: {@code python [opts] x.py},
 * {@code python -m pkg.mod}, {@code Rscript x.R}, {@code bash x.sh}, {@code ./x.sh}, behind {@code uv run},
 * {@code poetry run} and the like, after {@code VAR=value} assignments and {@code cd dir &&}. Shell scripts are
 * read for the Python scripts they run (one level). Only files inside the project are returned.
 */
public final class StageScripts {
    public enum Lang { PYTHON, R, SHELL }

    /** A script file and the folder it runs in (the command's working directory). */
    public record Script(Path file, Path cwd, Lang lang) {
    }

    private static final Set<String> RUNNERS = Set.of("uv", "poetry", "pipenv", "pdm", "hatch", "rye", "conda",
            "mamba", "micromamba", "pixi");
    private static final Set<String> WRAPPERS = Set.of("time", "nohup", "exec", "command", "nice");
    private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash");
    private static final long MAX_SIZE = 2_000_000;

    private StageScripts() {
    }

    public static List<Script> of(List<String> commands, Path wdir, Path root) {
        List<Script> out = new ArrayList<>();
        for (String c : commands) scan(c, wdir, root, out, 0);
        return out;
    }

    private static void scan(String command, Path wdir, Path root, List<Script> out, int depth) {
        Path cwd = wdir;
        for (List<ShellLex.Tok> sc : ShellLex.commands(ShellLex.words(command))) {
            List<String> w = new ArrayList<>();
            for (ShellLex.Tok x : sc) w.add(x.value());
            int i = 0;
            while (i < w.size() && Ascii.assignment(w.get(i), false)) i++;
            if (i >= w.size()) continue;
            if (w.get(i).equals("cd")) {
                if (i + 1 < w.size() && !w.get(i + 1).contains("$") && !w.get(i + 1).startsWith("-")
                        && !w.get(i + 1).startsWith("~")) {
                    cwd = cwd.resolve(w.get(i + 1)).normalize();
                }
                continue;
            }
            i = skipPrefixes(w, i);
            if (i >= w.size()) continue;
            Script s = script(w, i, cwd, root);
            if (s == null || !s.file().startsWith(root) || !Inputs.isRegularFile(s.file())) continue;
            if (out.contains(s)) continue;
            out.add(s);
            if (s.lang() == Lang.SHELL && depth == 0) {
                String text = read(s.file());
                if (text != null) {
                    for (String line : text.split("\n")) scan(line, cwd, root, out, depth + 1);
                }
            }
        }
    }

    private static int skipPrefixes(List<String> w, int i) {
        boolean again = true;
        while (again && i < w.size()) {
            again = false;
            String c = w.get(i);
            if (WRAPPERS.contains(c)) {
                i++;
                again = true;
            } else if (c.equals("env")) {
                i++;
                while (i < w.size() && (Ascii.assignment(w.get(i), false) || w.get(i).startsWith("-"))) i++;
                again = true;
            } else if (RUNNERS.contains(c) && i + 1 < w.size() && w.get(i + 1).equals("run")) {
                i += 2;
                while (i < w.size() && w.get(i).startsWith("-")) {
                    String o = w.get(i);
                    i++;
                    // options with a separate value
                    if (!o.contains("=") && Set.of("-n", "--name", "-p", "--prefix", "-e", "--env", "--with",
                            "--python", "--group", "--extra", "--project", "--directory").contains(o)) {
                        i++;
                    }
                }
                again = true;
            }
        }
        return i;
    }

    private static Script script(List<String> w, int i, Path cwd, Path root) {
        String c = w.get(i);
        String lc = c.toLowerCase(Locale.ROOT);
        if (Ascii.pythonCommand(c)) {
            int j = i + 1;
            while (j < w.size() && w.get(j).startsWith("-") && !w.get(j).equals("-")) {
                String o = w.get(j);
                if (o.equals("-m") && j + 1 < w.size()) return module(w.get(j + 1), cwd);
                if (o.startsWith("-m") && o.length() > 2 && !o.startsWith("--")) return module(o.substring(2), cwd);
                if (o.equals("-c") || o.startsWith("-c")) return null;
                j += o.equals("-W") || o.equals("-X") || o.equals("--check-hash-based-pycs") ? 2 : 1;
            }
            if (j >= w.size()) return null;
            return file(w.get(j), cwd, Lang.PYTHON);
        }
        if (lc.equals("rscript") || lc.endsWith("/rscript")) {
            int j = i + 1;
            while (j < w.size() && w.get(j).startsWith("-")) {
                if (w.get(j).equals("-e")) return null;
                j++;
            }
            return j < w.size() ? file(w.get(j), cwd, Lang.R) : null;
        }
        if (SHELLS.contains(c) || c.startsWith("/bin/") && SHELLS.contains(c.substring(5))) {
            int j = i + 1;
            while (j < w.size() && w.get(j).startsWith("-")) {
                if (w.get(j).contains("c")) return null;
                j++;
            }
            return j < w.size() ? file(w.get(j), cwd, Lang.SHELL) : null;
        }
        if (lc.endsWith(".py")) return file(c, cwd, Lang.PYTHON);
        if (lc.endsWith(".sh")) return file(c, cwd, Lang.SHELL);
        if (lc.endsWith(".r")) return file(c, cwd, Lang.R);
        return null;
    }

    private static Script file(String p, Path cwd, Lang lang) {
        if (p.contains("$") || p.contains("*") || p.startsWith("~") || p.isEmpty()) return null;
        try {
            return new Script(cwd.resolve(p).normalize(), cwd, lang);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Script module(String mod, Path cwd) {
        if (!mod.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) return null;
        Path base = cwd.resolve(mod.replace('.', '/'));
        Path f = base.resolveSibling(base.getFileName() + ".py").normalize();
        if (Inputs.isRegularFile(f)) return new Script(f, cwd, Lang.PYTHON);
        return new Script(base.resolve("__main__.py").normalize(), cwd, Lang.PYTHON);
    }

    /** The text of a small file, or null. */
    public static String read(Path f) {
        try {
            if (Inputs.size(f) > MAX_SIZE) return null;
            return SourceText.decode(SourceText.readFile(f)) instanceof SourceText t ? t.text() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
