package io.dvclint.discovery;

import io.dvclint.fs.Inputs;
import io.dvclint.py.PyFormat;
import io.dvclint.yaml.SourceText;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DVC's {@code .dvcignore} semantics ({@code dvc/ignore.py}, {@code dvc/pathspec_math.py}).
 *
 * <p>The project root starts with the built-in patterns {@code .hg/}, {@code .git/}, {@code .git}, {@code .dvc/}.
 * Every folder's {@code .dvcignore} (read lazily, only when that folder is first asked about, and only if the file
 * is not itself ignored by the patterns above it) is rewritten relative to the root the way DVC rewrites it and
 * appended after the patterns of the folders above; sub-repositories (child folders holding a {@code .dvc}) are
 * appended as {@code /{name}/} patterns when sub-repos are skipped. A path is ignored when it, or one of its parent
 * folders, is matched last by an ignoring pattern.
 */
public final class DvcIgnore {
    public static final String FILE = ".dvcignore";
    public static final List<String> DEFAULT_PATTERNS = List.of(".hg/", ".git/", ".git", ".dvc/");

    /**
     * The pattern that decides that a path is ignored. {@code source} is DVC's text for it:
     * {@code {file}:{line}:{pattern}} for a pattern read from a file (file relative to the root, line 1-based,
     * pattern as written after stripping), {@code :{pattern}} for a built-in one, {@code in sub_repo:{name}} for a
     * sub-repository. {@code file} is null for built-in and sub-repo patterns.
     */
    public record Match(String source, Path file, int line, String pattern) {
        /** DVC's {@code OutputIsIgnoredError} text. */
        public String message(Path abs) {
            return "Path " + PyFormat.repr(abs.toString()) + " is ignored by " + source;
        }

        @Override
        public String toString() {
            return source;
        }
    }

    /** Something in a {@code .dvcignore} file that DVC cannot use (DVC stops with an error on it). */
    public record Problem(Path file, int line, String message) {
    }

    /** One compiled pattern with its origin. */
    private record Rule(GitWildMatch glob, String text, boolean ignore, boolean dirOnly, Match info) {
    }

    private final Path root;
    private final String rootText;
    private final boolean skipSubrepos;
    private final Map<String, List<Rule>> specs = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private DvcIgnore(Path root, boolean skipSubrepos) {
        this.root = root.toAbsolutePath().normalize();
        this.rootText = this.root.toString();
        this.skipSubrepos = skipSubrepos;
    }

    /** The ignore rules of a project, sub-repositories skipped (DVC's default for walking and collecting). */
    public static DvcIgnore forRoot(Path projectRoot) {
        return new DvcIgnore(projectRoot, true);
    }

    /** As {@link #forRoot(Path)}; with {@code skipSubrepos} false, sub-repositories are walked like any folder. */
    public static DvcIgnore forRoot(Path projectRoot, boolean skipSubrepos) {
        return new DvcIgnore(projectRoot, skipSubrepos);
    }

    public Path root() {
        return root;
    }

    /** True for a folder other than the root that holds its own {@code .dvc} (a DVC sub-repository). */
    public boolean isSubRepo(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        return !d.equals(root) && Inputs.exists(d.resolve(".dvc"));
    }

    /** Problems found in the {@code .dvcignore} files read so far. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean isIgnored(Path abs, boolean isDir) {
        return match(abs, isDir).isPresent();
    }

    /**
     * Why a path is ignored, or empty when it is not (also for the root itself and for paths outside the root).
     *
     * @param isDir whether the path is (to be treated as) a directory
     */
    public Optional<Match> match(Path abs, boolean isDir) {
        Path p = root.resolve(abs).normalize();
        if (!p.startsWith(root) || p.equals(root)) return Optional.empty();
        String rel = rel(p);
        int slash = rel.lastIndexOf('/');
        List<Rule> rules = spec(slash < 0 ? "" : rel.substring(0, slash));
        return ignore(rules, rel, isDir);
    }

    /** The path of {@code p} (inside the root, not the root) relative to the root, '/'-separated. */
    private String rel(Path p) {
        String s = p.toString();
        String r = s.substring(rootText.length() + (rootText.endsWith(File.separator) ? 0 : 1));
        return File.separatorChar == '/' ? r : r.replace(File.separatorChar, '/');
    }

    /** Per rule list: the verdict on each parent folder already checked (siblings share their parents). */
    private final Map<List<Rule>, Map<String, Optional<Rule>>> folderVerdicts = new IdentityHashMap<>();

    /** DVC's {@code DvcIgnorePatterns._ignore}: each leading part of the path is checked, parents as folders. */
    private Optional<Match> ignore(List<Rule> rules, String rel, boolean isDir) {
        int slash = rel.lastIndexOf('/');
        Rule r = slash < 0 ? null : ignoredFolder(rules, rel.substring(0, slash));
        if (r == null) r = findMatching(rules, rel, isDir);
        return r != null && r.ignore ? Optional.of(r.info) : Optional.empty();
    }

    /** The rule ignoring the first of {@code relDir}'s leading parts (itself last) that it ignores, or null. */
    private Rule ignoredFolder(List<Rule> rules, String relDir) {
        Map<String, Optional<Rule>> verdicts = folderVerdicts.get(rules);
        if (verdicts == null) {
            verdicts = new HashMap<>();
            folderVerdicts.put(rules, verdicts);
        }
        for (int from = 0; ; ) {
            int slash = relDir.indexOf('/', from);
            String path = slash < 0 ? relDir : relDir.substring(0, slash);
            Optional<Rule> verdict = verdicts.get(path);
            if (verdict == null) {
                verdict = Optional.ofNullable(findMatching(rules, path, true));
                verdicts.put(path, verdict);
            }
            Rule r = verdict.orElse(null);
            if (r != null && r.ignore) return r;
            if (slash < 0) return null;
            from = slash + 1;
        }
    }

    /**
     * DVC's {@code _find_matching_pattern}: rules are grouped into runs of ignoring patterns with the same
     * folder-only flag (negations stand alone); the last group matching decides, and within a group the first
     * matching pattern is the one reported.
     */
    private static Rule findMatching(List<Rule> rules, String path, boolean isDir) {
        String[] paths = isDir && !path.endsWith("/") ? new String[] {path, path + "/"} : new String[] {path};
        int i = rules.size() - 1;
        while (i >= 0) {
            Rule last = rules.get(i);
            int start = i;
            if (last.ignore) {
                while (start > 0 && rules.get(start - 1).ignore && rules.get(start - 1).dirOnly == last.dirOnly) {
                    start--;
                }
            }
            if (!(last.dirOnly && !isDir)) {
                for (String p : paths) {
                    for (int k = start; k <= i; k++) {
                        if (rules.get(k).glob.matches(p)) return rules.get(k);
                    }
                }
            }
            i = start - 1;
        }
        return null;
    }

    /**
     * The rules for the entries of the folder {@code dir}, for a walk that has just listed it: {@code folders} are
     * its entries that are folders, symbolic links to folders included (the folder names {@code os.walk} gives), so
     * its sub-repositories are found among those alone rather than by listing it and looking at each entry again (rules
     * made for the folder already stay as they are: they are the same). The verdict on the folder's own path is
     * worked out once, so each entry costs one match of its path.
     */
    public Folder folder(Path dir, List<String> folders) {
        Path d = dir.toAbsolutePath().normalize();
        if (!d.startsWith(root)) return new Folder(null, null, false);
        String relDir = d.equals(root) ? "" : rel(d);
        List<Rule> rules = spec(relDir, folders);
        // the entries' parent folders, checked as DVC checks them for each entry (with this folder's rules)
        boolean parentIgnored = !relDir.isEmpty() && ignoredFolder(rules, relDir) != null;
        return new Folder(rules, relDir.isEmpty() ? "" : relDir + "/", parentIgnored);
    }

    /** The rules for the entries of one folder: see {@link #folder}. */
    public static final class Folder {
        private final List<Rule> rules;
        private final String prefix;
        private final boolean parentIgnored;

        private Folder(List<Rule> rules, String prefix, boolean parentIgnored) {
            this.rules = rules;
            this.prefix = prefix;
            this.parentIgnored = parentIgnored;
        }

        /** {@link DvcIgnore#isIgnored} of the entry {@code name} of this folder. */
        public boolean isIgnored(String name, boolean isDir) {
            if (rules == null) return false;
            if (parentIgnored) return true;
            Rule r = findMatching(rules, prefix + name, isDir);
            return r != null && r.ignore;
        }
    }

    /** The merged rules that apply to entries of the folder {@code relDir} ("" for the root). */
    private List<Rule> spec(String relDir) {
        return spec(relDir, null);
    }

    /** As {@link #spec(String)}; {@code folders}, when known, are the folder's entries that are folders. */
    private List<Rule> spec(String relDir, List<String> folders) {
        List<Rule> s = specs.get(relDir);
        if (s != null) return s;
        List<Rule> parent;
        if (relDir.isEmpty()) {
            parent = new ArrayList<>();
            for (String d : DEFAULT_PATTERNS) add(parent, d, new Match(":" + d, null, 0, d), null, 0);
        } else {
            int slash = relDir.lastIndexOf('/');
            parent = spec(slash < 0 ? "" : relDir.substring(0, slash));
        }
        List<Rule> rules = new ArrayList<>(parent);
        Path dir = relDir.isEmpty() ? root : root.resolve(relDir);
        String ignoreRel = relDir.isEmpty() ? FILE : relDir + "/" + FILE;
        Path ignoreFile = dir.resolve(FILE);
        if (ignore(parent, ignoreRel, false).isEmpty() && Inputs.exists(ignoreFile)) {
            readFile(rules, relDir, ignoreFile, ignoreRel);
        }
        if (skipSubrepos) {
            for (String child : subrepoChildren(dir, folders)) {
                String text = relDir.isEmpty() ? "/" + child + "/" : relDir + "/" + child + "/";
                add(rules, text, new Match("in sub_repo:" + child, null, 0, "/" + child + "/"), null, 0);
            }
        }
        List<Rule> result = List.copyOf(rules);
        specs.put(relDir, result);
        return result;
    }

    private List<String> subrepoChildren(Path dir, List<String> folders) {
        List<String> out = new ArrayList<>();
        if (folders != null) {
            for (String name : folders) {
                Path c = dir.resolve(name);
                if (!c.equals(root) && Inputs.exists(c.resolve(".dvc"))) out.add(name);
            }
            out.sort(null);
            return out;
        }
        if (!Inputs.isDirectory(dir)) return out;
        try {
            for (Path c : Inputs.list(dir)) {
                if (Inputs.isDirectory(c) && !c.equals(root) && Inputs.exists(c.resolve(".dvc"))) {
                    out.add(c.getFileName().toString());
                }
            }
        } catch (IOException e) {
            // an unreadable folder has no sub-repositories DVC could see either
        }
        out.sort(null);
        return out;
    }

    private void readFile(List<Rule> rules, String relDir, Path file, String name) {
        byte[] bytes;
        try {
            bytes = SourceText.readFile(file);
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read " + name + ": " + e.getMessage()));
            return;
        }
        Object decoded = SourceText.decode(bytes);
        if (decoded instanceof SourceText.DecodeError err) {
            problems.add(new Problem(file, err.pos().line(), err.message()));
            return;
        }
        String text = ((SourceText) decoded).text();
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            text = "\uFEFF" + text; // Python's utf-8 codec keeps the mark, so the first pattern starts with it
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) n--;
        for (int i = 0; i < n; i++) {
            String line = GitWildMatch.pyStrip(lines[i]);
            if (line.isEmpty() || line.startsWith("#")) continue;
            String info = name + ":" + (i + 1) + ":" + line;
            String pattern = relDir.isEmpty() ? line : changeRule(line, relDir);
            add(rules, pattern, new Match(info, file, i + 1, line), file, i + 1);
        }
    }

    private void add(List<Rule> rules, String pattern, Match info, Path file, int line) {
        try {
            GitWildMatch g = GitWildMatch.compile(pattern);
            if (g == null) return;
            rules.add(new Rule(g, pattern, g.include(), pattern.endsWith("/"), info));
        } catch (GitWildMatch.PatternError e) {
            problems.add(new Problem(file, line, e.getMessage()));
        }
    }

    /**
     * DVC's {@code pathspec_math.change_rule}: a pattern of the {@code .dvcignore} in folder {@code rel} rewritten
     * relative to the project root.
     */
    static String changeRule(String rule, String rel) {
        rule = GitWildMatch.pyStrip(rule);
        if (rule.startsWith("#")) return rule;
        boolean notIgnore = rule.startsWith("!");
        if (notIgnore) rule = rule.substring(1);
        boolean matchAll;
        String head = rule.isEmpty() ? "" : rule.substring(0, rule.length() - 1);
        if (head.contains("/") && !rule.startsWith("**/")) {
            matchAll = false;
            if (rule.startsWith("/")) rule = rule.substring(1);
        } else {
            matchAll = true;
            if (rule.startsWith("**/")) rule = rule.substring(3);
        }
        if (rule.startsWith("\\")) rule = rule.substring(1);
        rule = matchAll ? "/**/" + rule : "/" + rule;
        rule = notIgnore ? "!/" + rel + rule : "/" + rel + rule;
        // pathspec.util.normalize_file: drop one leading "/" (or "./")
        if (rule.startsWith("/")) rule = rule.substring(1);
        else if (rule.startsWith("./")) rule = rule.substring(2);
        return rule;
    }
}
