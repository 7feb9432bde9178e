package io.dvclint.load;

import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.findings.TextEdit;
import io.dvclint.fs.Fingerprint;
import io.dvclint.fs.Inputs;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reuses the findings of the last lint of the same projects when nothing it looked at has changed: the usual case
 * for a pre-commit hook or an editor re-running dvclint.
 *
 * <p>A lint's findings are a function of the files it read, the paths it checked and the folders it listed (all
 * through {@link Inputs}) and of the dvclint build. A lint run through here is recorded; its findings are stored
 * with every look it took and what that look saw (a file's content as a fingerprint). The next lint of the same
 * roots first takes those looks again, without parsing anything: if every one sees the same, the stored findings
 * are the answer (and the files they point into are read again for the excerpts); any difference, or any problem
 * with the cache, and the lint simply runs. Only the plain form is served (a project's own configuration, no
 * {@code --fix}): the configuration files are among the recorded inputs.
 *
 * <p>Kept under {@link CacheDir}{@code /results}, one file per set of roots, replaced by each full lint (of any
 * build: an entry from another build never answers). A build run from a classes folder (development, tests) has no
 * reliable identity and is not cached ({@link CacheDir#reliableBuild}).
 */
public final class ResultCache {
    private static final int MAGIC = 0x44564c52; // "DVLR"
    private static final int VERSION = 1;

    /** What a lint of some roots gave: the failure threshold their configuration sets (or null), the findings. */
    public record Result(Severity failOn, Findings findings) {
    }

    /** The lint itself, run when the cache cannot answer. */
    public interface Lint {
        Result run();
    }

    /** Where a run's answer came from (for tests and {@code DVCLINT_TIMINGS}). */
    public enum Outcome { HIT, MISS, OFF }

    private static volatile Outcome last = Outcome.OFF;

    private ResultCache() {
    }

    public static Outcome last() {
        return last;
    }

    /** Lints {@code roots} through the cache in {@link CacheDir} (or directly when caching is off). */
    public static Result lint(List<Path> roots, Lint lint) {
        return lintDeferred(roots, lint).stored();
    }

    /**
     * As {@link #lint(List, Lint)}, but a result still to be stored is handed back with the storing undone: a caller
     * with someone waiting for the answer stores it once the answer is out.
     */
    public static Deferred lintDeferred(List<Path> roots, Lint lint) {
        Path base = CacheDir.base();
        String build = CacheDir.reliableBuild();
        return run(base == null || build == null ? null : base.resolve("results"), build, roots, lint);
    }

    /** Lints {@code roots} through the cache in {@code dir} (null: no cache). */
    public static Result lint(Path dir, String build, List<Path> roots, Lint lint) {
        return run(dir, build, roots, lint).stored();
    }

    /** A lint's result, and the storing of it still to do (null when there is nothing to store). */
    public record Deferred(Result result, Runnable store) {
        /** Stores the result (when there is one to store) and returns it. */
        public Result stored() {
            if (store != null) store.run();
            return result;
        }
    }

    private static Deferred run(Path dir, String build, List<Path> roots, Lint lint) {
        File entry = dir == null ? null : dir.resolve(entryName(roots)).toFile();
        if (entry != null && entry.isFile()) {
            long t0 = System.nanoTime();
            Result r = replay(entry, build, roots);
            io.dvclint.lint.Timings.report("result cache: check", t0);
            if (r != null) {
                last = Outcome.HIT;
                return new Deferred(r, null);
            }
        }
        Inputs.Recording rec = entry == null ? null : Inputs.start();
        Result r;
        try {
            r = lint.run();
        } finally {
            if (rec != null) Inputs.stop(rec);
        }
        last = rec == null ? Outcome.OFF : Outcome.MISS;
        return new Deferred(r, rec == null ? null : new Store(entry, build, roots, rec.observations(), r));
    }

    /** Writes an entry (a named class rather than a lambda: see the README on start-up). */
    private record Store(File entry, String build, List<Path> roots, List<Inputs.Observation> looks, Result result)
            implements Runnable {
        @Override
        public void run() {
            long t0 = System.nanoTime();
            store(entry, build, roots, looks, result);
            io.dvclint.lint.Timings.report("result cache: store", t0);
        }
    }

    /** One entry per set of roots, whatever the build (the entry names its build): a new build replaces it. */
    private static String entryName(List<Path> roots) {
        StringBuilder sb = new StringBuilder();
        for (Path r : roots) sb.append(r).append('\u0000');
        return "r-" + Fingerprint.of(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void store(File entry, String build, List<Path> roots, List<Inputs.Observation> looks,
                              Result r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                str(out, build);
                out.writeInt(roots.size());
                for (Path p : roots) str(out, p.toString());
                out.writeInt(looks.size());
                // file contents first: what people edit, so a changed project is told apart soonest
                List<Inputs.Observation> ordered = new ArrayList<>(looks.size());
                for (Inputs.Observation o : looks) if (o.kind() == Inputs.CONTENT) ordered.add(o);
                for (Inputs.Observation o : looks) if (o.kind() != Inputs.CONTENT) ordered.add(o);
                for (Inputs.Observation o : ordered) {
                    out.writeChar(o.kind());
                    str(out, o.path());
                    out.writeInt(o.arg());
                    str(out, o.seen());
                }
                str(out, r.failOn() == null ? null : r.failOn().name());
                List<Finding> all = r.findings().all();
                out.writeInt(all.size());
                for (Finding f : all) {
                    str(out, f.ruleId());
                    str(out, f.severity().name());
                    str(out, f.file().toString());
                    out.writeInt(f.pos().line());
                    out.writeInt(f.pos().col());
                    str(out, f.message());
                    str(out, f.hint());
                    out.writeInt(f.fixes().size());
                    for (TextEdit e : f.fixes()) {
                        str(out, e.file().toString());
                        out.writeInt(e.start());
                        out.writeInt(e.end());
                        str(out, e.replacement());
                    }
                }
                List<Path> sources = new ArrayList<>(r.findings().sources().keySet());
                out.writeInt(sources.size());
                for (Path p : sources) str(out, p.toString());
            }
        } catch (IOException | RuntimeException e) {
            return; // not kept: the lint's answer stands
        }
        CacheDir.replace(entry, bytes.toByteArray());
    }

    /** The stored result when every recorded look sees the same now; null otherwise. */
    private static Result replay(File entry, String build, List<Path> roots) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(entry)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !build.equals(str(in))) return null;
            int n = in.readInt();
            if (n != roots.size()) return null;
            for (Path p : roots) {
                if (!p.toString().equals(str(in))) return null;
            }
            n = in.readInt();
            for (int i = 0; i < n; i++) {
                char kind = in.readChar();
                String path = str(in);
                int arg = in.readInt();
                String seen = str(in);
                if (!Inputs.unchanged(new Inputs.Observation(kind, path, arg, seen))) return null;
            }
            String failOn = str(in);
            Findings findings = new Findings();
            n = in.readInt();
            for (int i = 0; i < n; i++) {
                String rule = str(in);
                Severity severity = Severity.valueOf(str(in));
                Path file = Path.of(str(in));
                Pos pos = new Pos(in.readInt(), in.readInt());
                String message = str(in);
                String hint = str(in);
                int k = in.readInt();
                List<TextEdit> fixes = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    fixes.add(new TextEdit(Path.of(str(in)), in.readInt(), in.readInt(), str(in)));
                }
                findings.add(new Finding(rule, severity, file, pos, message, hint, fixes));
            }
            n = in.readInt();
            for (int i = 0; i < n; i++) {
                Path file = Path.of(str(in));
                // unchanged since the lint (checked above), so it decodes as it did then
                if (SourceText.decode(SourceText.readFile(file)) instanceof SourceText t) findings.source(file, t);
            }
            return new Result(failOn == null ? null : Severity.valueOf(failOn), findings);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable, truncated or from another version: lint
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = n > 64 << 20 ? null : in.readNBytes(n);
        if (b == null || b.length != n) throw new IOException("corrupt cache entry");
        return new String(b, StandardCharsets.UTF_8);
    }
}
