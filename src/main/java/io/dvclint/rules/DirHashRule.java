package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.DvcFile;
import io.dvclint.model.LockEntry;
import io.dvclint.model.LockFile;
import io.dvclint.model.LockStage;
import io.dvclint.model.PathNames;
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
    public DirHashRule() {
        super("dir-hash", Severity.WARNING,
                "dvc.lock entry with legacy (DVC 2.x) or hand-edited hashing: no `hash: md5`, no `.dir` suffix"
                        + " or no `nfiles` on a directory");
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
        if (PathNames.isUrl(e.path())) return false;
        try {
            return Inputs.isDirectory(PathNames.resolve(base, e.path()));
        } catch (RuntimeException ex) {
            return false;
        }
    }
}
