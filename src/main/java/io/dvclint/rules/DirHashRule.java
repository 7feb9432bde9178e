package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.DvcFile;
import io.dvclint.model.LockEntry;
import io.dvclint.model.LockFile;
import io.dvclint.model.LockStage;
import io.dvclint.model.Paths2;
import io.dvclint.model.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dir-hash}: a directory entry of dvc.lock hashed the DVC 2.x way (no {@code hash: md5}) or edited by hand
 * (no {@code .dir} suffix, no {@code nfiles}); and, as information, file entries still hashed the 2.x way.
 */
public final class DirHashRule extends Rule {
    @Override
    public String id() {
        return "dir-hash";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "dvc.lock entry with legacy (DVC 2.x) or hand-edited hashing: no `hash: md5`, no `.dir` suffix "
                + "or no `nfiles` on a directory";
    }

    @Override
    public void check(RuleContext ctx) {
        for (DvcFile f : ctx.project().dvcFiles()) {
            LockFile lock = f.lock();
            if (lock == null || !lock.valid()) continue;
            Map<String, Stage> byName = new HashMap<>();
            for (Stage s : f.stages()) byName.put(s.name(), s);
            List<String> legacyFiles = new ArrayList<>();
            LockEntry firstLegacy = null;
            // a lock written entirely by DVC 2.x: its legacy directory entries are one finding, not hundreds
            boolean allLegacy = true;
            for (LockStage ls : lock.stages().values()) {
                for (LockEntry e : ls.deps()) allLegacy &= e.md5() == null || e.isLegacy();
                for (LockEntry e : ls.outs()) allLegacy &= e.md5() == null || e.isLegacy();
            }
            List<String> legacyDirs = new ArrayList<>();
            LockEntry firstLegacyDir = null;
            for (LockStage ls : lock.stages().values()) {
                Stage s = byName.get(ls.name());
                Path base = s != null ? s.wdirAbs() : f.dir();
                List<LockEntry> all = new ArrayList<>(ls.deps());
                all.addAll(ls.outs());
                for (int i = 0; i < all.size(); i++) {
                    LockEntry e = all.get(i);
                    if (e.path() == null || e.md5() == null) continue;
                    boolean dep = i < ls.deps().size();
                    if (isDir(e, base)) {
                        List<String> missing = new ArrayList<>();
                        if (e.isLegacy()) missing.add("`hash: md5` (a DVC 2.x md5-dos2unix entry)");
                        if (!e.isDir()) missing.add("the `.dir` suffix of its md5");
                        if (e.nfiles() == null) missing.add("`nfiles`");
                        if (missing.isEmpty()) continue;
                        if (allLegacy && missing.size() == 1 && e.isLegacy()) {
                            if (firstLegacyDir == null) firstLegacyDir = e;
                            legacyDirs.add(ls.name() + ":" + e.path());
                            continue;
                        }
                        ctx.report(lock.path(), e.pos(), "directory " + (dep ? "dependency" : "output") + " '"
                                + e.path() + "' of stage '" + ls.name() + "' in dvc.lock lacks "
                                + String.join(", ", missing), hint(e), List.of());
                    } else if (e.isLegacy()) {
                        if (firstLegacy == null) firstLegacy = e;
                        legacyFiles.add(ls.name() + ":" + e.path());
                    }
                }
            }
            if (firstLegacyDir != null) {
                int n = legacyDirs.size();
                ctx.report(lock.path(), firstLegacyDir.pos(), "dvc.lock was written by DVC 2.x: " + n + " director"
                        + (n == 1 ? "y entry lacks" : "y entries lack") + " `hash: md5` (md5-dos2unix hashing): "
                        + String.join(", ", legacyDirs.subList(0, Math.min(3, n))) + (n > 3 ? ", ..." : ""),
                        "`dvc cache migrate --dvc-files` rewrites them with `hash: md5` and moves the 2.x cache "
                                + "objects", List.of());
            }
            if (firstLegacy != null) {
                int n = legacyFiles.size();
                ctx.report(Severity.INFO, lock.path(), firstLegacy.pos(), n + " file entr" + (n == 1 ? "y" : "ies")
                        + " of dvc.lock lack" + (n == 1 ? "s" : "") + " `hash: md5` (DVC 2.x md5-dos2unix hashing): "
                        + String.join(", ", legacyFiles.subList(0, Math.min(3, n))) + (n > 3 ? ", ..." : ""),
                        "DVC 3 upgrades them when the files change; `dvc cache migrate --dvc-files` rewrites them "
                                + "all with `hash: md5` now", List.of());
            }
        }
    }

    private static String hint(LockEntry e) {
        return e.isLegacy() && e.isDir() && e.nfiles() != null
                ? "`dvc cache migrate --dvc-files` rewrites it with `hash: md5` and moves the 2.x cache objects"
                : "the entry was edited by hand or written by an old DVC: `dvc commit -f <stage>` or `dvc repro` "
                        + "rewrites it" + (e.isLegacy() ? " (`dvc cache migrate --dvc-files` for `hash: md5`)" : "");
    }

    /** A directory entry: {@code .dir} hash, {@code nfiles}, a path written with a trailing slash, or a folder. */
    static boolean isDir(LockEntry e, Path base) {
        if (e.isDir() || e.nfiles() != null || e.path().endsWith("/")) return true;
        if (Paths3.isUrl(e.path())) return false;
        try {
            return Inputs.isDirectory(Paths2.resolve(base, e.path()));
        } catch (RuntimeException ex) {
            return false;
        }
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                Entries of `dvc.lock` (deps and outs) whose hashing is not what DVC 3 writes:

                - a **directory** entry (its `md5` ends in `.dir`, it has `nfiles`, its path ends in `/`, or the
                  path is a folder on disk) that lacks `hash: md5`, lacks the `.dir` suffix of its `md5`, or
                  lacks `nfiles` — reported as a warning, per entry, naming the stage, the path and what is
                  missing;
                - **file** entries that lack `hash: md5` — reported once per `dvc.lock` as information, with the
                  number of such entries.

                ## Why it matters

                DVC 3 writes `hash: md5` on every dep and out, a directory's `md5` with a `.dir` suffix, and
                its `size` and `nfiles`. An entry without `hash` is a DVC 2.x entry: DVC 3 keeps comparing it
                with the 2.x algorithm (`md5-dos2unix`: CRLF line endings of text files are turned into LF
                before hashing, so line-ending-only edits are invisible) and rewrites it with `hash: md5`
                only when the content changes. Locks therefore mix both kinds for a long time.

                For a **directory** that matters more: its `.dir` listing and every file object of a 2.x entry
                live in the 2.x cache layout (`.dvc/cache/<xx>/...`). The first change to any file of the
                directory makes DVC 3 rehash the *whole* directory with plain md5 and store every file again
                under `.dvc/cache/files/md5/`, so the cache and the remote hold the directory twice. A `.dir` hash
                without the suffix does not equal the hash DVC computes for the directory (`<md5>.dir`), so
                `dvc status` reports it modified and the next `dvc repro` reruns the stage; a missing
                `nfiles` only happens when the lock was edited by hand (`dvc commit -f <stage>` or `dvc repro`
                writes the entry again).
                `dvc cache migrate --dvc-files` moves the 2.x cache objects and rewrites every legacy entry
                with `hash: md5` (a plain `dvc commit` does not: DVC upgrades a legacy entry only when its
                content changed).

                File entries without `hash: md5` are reported as information only: DVC 3 reads them
                correctly, and they are upgraded the next time the file changes.

                ## Example

                ```yaml
                schema: '2.0'
                stages:
                  prepare:
                    cmd: python prepare.py
                    outs:
                    - path: data/prepared
                      md5: 153aad06d376b6595932470e459ef42a.dir
                      size: 8437363
                      nfiles: 2
                ```

                Fixed (as `dvc cache migrate --dvc-files` writes it, for a directory without CRLF text files):

                ```yaml
                    outs:
                    - path: data/prepared
                      hash: md5
                      md5: 153aad06d376b6595932470e459ef42a.dir
                      size: 8437363
                      nfiles: 2
                ```
                """;
    }
}
