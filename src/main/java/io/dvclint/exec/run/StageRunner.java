package io.dvclint.exec.run;

import io.dvclint.exec.ExecProject;
import io.dvclint.exec.cache.ObjectCache;
import io.dvclint.exec.cache.RunCache;
import io.dvclint.exec.cache.Workspace;
import io.dvclint.exec.hash.FileNames;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.scm.ScmContext;
import io.dvclint.exec.state.PathHashes;
import io.dvclint.exec.lock.LockEntryBuilder;
import io.dvclint.exec.lock.LockEntryBuilder.PathEntry;
import io.dvclint.exec.stage.ParamItem;
import io.dvclint.exec.stage.PathItem;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.exec.status.StatusChecker;
import io.dvclint.model.OutKind;
import io.dvclint.model.ParamKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reproduces one stage as DVC's {@code Stage.reproduce} and {@code run_stage} do: skip it when nothing changed;
 * otherwise delete its outputs (not {@code persist} ones), restore them from the run-cache when DVC would, or run
 * its commands; then hash dependencies and outputs, commit outputs to the cache, save a run-cache entry and write
 * the stage's dvc.lock entry. A frozen stage's command never runs: its outputs are verified and its entry
 * rewritten. A {@code .dvc} data source that changed is verified, saved and committed the same way, and its
 * {@code .dvc} file written anew ({@link DataSourceDump}).
 */
final class StageRunner {
    private final ExecProject project;
    private final ReproOptions options;
    private final ReproLog log;
    private final Shell shell;
    private final Map<String, String> env;
    private final StatusChecker checker;
    private final PathHashes hashes;
    private final ObjectCache cache;
    private final RunCache runCache;
    private final LockDump lockDump;
    private final RepoLock repoLock;
    private final Interruption interruption;
    /**
     * Held by a stage for everything but its commands: deciding, deleting and restoring outputs, hashing, committing
     * and writing dvc.lock happen one stage at a time, while several stages' commands may run at once.
     */
    private final ReentrantLock phases = new ReentrantLock();
    /** Whether the project lock is let go while a command runs (one stage at a time, as DVC does). */
    private final boolean releaseWhileRunning;
    /** Git: each cached output's {@code .gitignore} entry as the stage is saved. */
    private final ScmContext scm;

    StageRunner(ExecProject project, ReproOptions options, ReproLog log, Shell shell, Map<String, String> env,
            StatusChecker checker, LockDump lockDump, RepoLock repoLock, Interruption interruption,
            boolean releaseWhileRunning, ScmContext scm) {
        this.project = project;
        this.options = options;
        this.log = log;
        this.shell = shell;
        this.env = env;
        this.checker = checker;
        this.hashes = project.hashes();
        this.cache = project.cache();
        this.runCache = new RunCache(cache.root());
        this.lockDump = lockDump;
        this.repoLock = repoLock;
        this.interruption = interruption;
        this.releaseWhileRunning = releaseWhileRunning;
        this.scm = scm;
    }

    /**
     * Reproduces the stage: {@link ReproListener.Result#SKIPPED} when nothing changed, else how it was reproduced (its
     * command ran, its outputs were restored, or verified), which is when DVC writes its lock entry. {@code upstream}
     * are the stages it depends on (for {@code --allow-missing}).
     */
    ReproListener.Result reproduce(TrackedStage s, boolean force, List<TrackedStage> upstream)
            throws StageFailure, IOException, InterruptedException {
        phases.lock();
        try {
            return reproduceLocked(s, force, upstream);
        } finally {
            phases.unlock();
        }
    }

    private ReproListener.Result reproduceLocked(TrackedStage s, boolean force, List<TrackedStage> upstream)
            throws StageFailure, IOException, InterruptedException {
        if (s.frozen()) log.warn("stage: '" + s.address() + "' is frozen. Its dependencies are not going to be "
                + "reproduced.");
        if (!force && !checker.changed(s, options.allowMissing(), upstream)) {
            log.info(s.isDataSource() ? "'" + s.address() + "' didn't change, skipping"
                    : "Stage '" + s.address() + "' didn't change, skipping");
            return ReproListener.Result.SKIPPED;
        }
        if (options.interactive() && !options.confirm("Going to reproduce stage: '" + s.address()
                + "'. Are you sure you want to continue?")) {
            throw new StageFailure("reproduction aborted by the user");
        }
        boolean hasCmd = !s.commands().isEmpty();
        if (hasCmd && !s.frozen() && !options.dry()) interruption.guarded(() -> removeOuts(s));
        ReproListener.Result result = ReproListener.Result.VERIFIED;
        if (!s.frozen() && hasCmd) {
            result = runStage(s, force);
        } else if (!options.dry()) {
            log.info(s.frozen() ? "Verifying outputs in frozen stage: '" + s.address() + "'"
                    : "Verifying data sources in stage: '" + s.address() + "'");
            checkMissingOutputs(s);
        }
        if (options.dry()) return result;
        interruption.guarded(() -> {
            save(s);
            if (!options.noCommit()) commit(s);
            if (s.isDataSource()) {
                DataSourceDump.dump(s);
                scm.changed(s.source().path()); // SingleStageFile.dump tracks the file whether or not it changed
            } else {
                lockDump.dump(s, entry(s));
            }
        });
        return result;
    }

    // ---- before running

    /** {@code Stage.remove_outs}: every output but the {@code persist} ones is deleted. */
    private void removeOuts(TrackedStage s) throws IOException {
        for (PathItem o : s.outs()) {
            if (o.out().persist()) continue;
            Workspace.remove(o.abs());
            hashes.forget(o.abs());
        }
    }

    private void checkMissingOutputs(TrackedStage s) throws StageFailure {
        List<String> missing = new ArrayList<>();
        for (PathItem o : s.outs()) if (!Files.exists(o.abs())) missing.add(checker.display(o.abs()));
        if (!missing.isEmpty()) {
            throw new StageFailure("missing data '" + (missing.size() > 1 ? "sources" : "source") + "': "
                    + String.join(", ", missing));
        }
    }

    /** {@code run_stage}: restore from the run-cache when possible (not forced), else run the commands. */
    private ReproListener.Result runStage(TrackedStage s, boolean force)
            throws StageFailure, IOException, InterruptedException {
        if (!force) {
            if (restore(s)) {
                if (!options.dry()) return ReproListener.Result.RESTORED;
            } else if (!options.dry()) {
                saveDeps(s);
            }
        }
        log.commandsStarting(s.address());
        log.info("Running stage '" + s.address() + "':");
        Map<String, String> stageEnv = new LinkedHashMap<>(env);
        stageEnv.putIfAbsent("DVC_ROOT", project.root().toString());
        stageEnv.put("DVC_STAGE", s.address());
        Shell.Output output = log.output(s.address());
        ReproListener.Result result = ReproListener.Result.VERIFIED;
        // other stages' phases, and other processes (the project lock, as DVC lets it go), go on while this runs
        phases.unlock();
        if (releaseWhileRunning) repoLock.release();
        try {
            for (String line : s.commands()) {
                log.info("> " + line);
                if (options.dry()) continue;
                result = ReproListener.Result.RAN;
                int rc = shell.run(line, s.stage().wdirAbs(), stageEnv, output);
                if (rc != 0) throw new StageFailure("failed to run: " + line + ", exited with " + rc);
            }
        } finally {
            phases.lock();
            if (releaseWhileRunning) repoLock.acquire();
        }
        for (PathItem o : s.outs()) hashes.forget(o.abs());
        return result;
    }

    // ---- the run-cache

    /**
     * {@code StageCache.restore}: when the stage is as locked but for its outputs, or when the run-cache holds an
     * entry for its current command and dependencies, and every output of that entry is in the cache, the outputs
     * are checked out instead of running the command. Returns whether it did.
     */
    private boolean restore(TrackedStage s) throws StageFailure, IOException, InterruptedException {
        if (!canHash(s)) return false;
        Map<String, Object> entry;
        boolean outsLocked = true;
        for (PathItem o : s.outs()) outsLocked &= o.lockedMd5() != null;
        if (!s.cmdChanged() && checker.depsUnchanged(s) && outsLocked) {
            entry = lockedEntry(s);
        } else {
            if (options.noRunCache()) return false;
            if (!options.dry()) saveDeps(s);
            entry = runCache.lookup(RunCache.key(keyEntry(s)));
            if (entry == null) return false;
        }
        List<CachedOut> outs = cachedOuts(s, entry);
        for (CachedOut o : outs) if (!cache.contains(o.hash().md5(), o.name())) return false;
        log.info("Stage '" + s.address() + "' is cached - skipping run, checking out outputs");
        if (options.dry()) return true;
        interruption.guarded(() -> {
            for (CachedOut o : outs) {
                if (Files.exists(o.abs(), LinkOption.NOFOLLOW_LINKS) && upToDate(o)) continue;
                cache.checkout(o.abs(), o.hash(), o.name());
                hashes.forget(o.abs());
            }
        });
        return true;
    }

    private boolean upToDate(CachedOut o) throws IOException {
        return hashes.hash(o.abs(), o.name()).md5().equals(o.hash().md5());
    }

    /** An output of a run-cache (or lock) entry: where it goes and what to check out there. */
    private record CachedOut(Path abs, HashInfo hash, HashName name) {
    }

    private List<CachedOut> cachedOuts(TrackedStage s, Map<String, Object> entry) {
        List<CachedOut> out = new ArrayList<>();
        Object outs = entry.get("outs");
        if (!(outs instanceof List<?> list)) return out;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("path") instanceof String p) || !(m.get("md5") instanceof String md5)) {
                continue;
            }
            boolean dir = md5.endsWith(HashInfo.DIR_SUFFIX);
            long size = m.get("size") instanceof Number n ? n.longValue() : 0;
            Integer nfiles = m.get("nfiles") instanceof Number n ? n.intValue() : dir ? 0 : null;
            boolean isexec = Boolean.TRUE.equals(m.get("isexec"));
            HashInfo h = new HashInfo(md5, size, nfiles, isexec, dir, List.of());
            out.add(new CachedOut(s.stage().wdirAbs().resolve(p).normalize(), h,
                    HashName.forEntry(!m.containsKey("hash"))));
        }
        return out;
    }

    /**
     * {@code _can_hash}: a command, dependencies and outputs, not always changed, no {@code persist} output, all
     * outputs inside the project, and every dependency hashable now (a missing one is an error here, as in DVC).
     */
    private boolean canHash(TrackedStage s) throws StageFailure, IOException {
        if (s.isCallback() || s.alwaysChanged()) return false;
        if (s.outs().isEmpty() || s.deps().isEmpty() && s.params().isEmpty()) return false;
        for (PathItem o : s.outs()) {
            if (o.out().persist() || !o.abs().startsWith(project.root())) return false;
        }
        for (PathItem d : s.deps()) {
            try {
                hashes.hash(d.abs(), d.name());
            } catch (NoSuchFileException e) {
                throw new StageFailure("[Errno 2] No such file or directory: '" + d.abs() + "'");
            }
        }
        for (ParamItem p : s.params()) {
            if (paramValues(p).isEmpty()) return false;
        }
        return true;
    }

    // ---- saving

    /** {@code Stage.save_deps}: each dependency hashed now; a missing one fails the stage. */
    private void saveDeps(TrackedStage s) throws StageFailure, IOException {
        for (PathItem d : s.deps()) {
            if (!Files.exists(d.abs())) {
                if (options.allowMissing()) continue;
                throw new StageFailure("dependency '" + checker.display(d.abs()) + "' does not exist");
            }
            savePath(d);
        }
        for (ParamItem p : s.params()) paramValues(p);
    }

    /** {@code Stage.save}: dependencies and outputs hashed, then a run-cache entry saved when DVC saves one. */
    private void save(TrackedStage s) throws StageFailure, IOException {
        saveDeps(s);
        ScmContext.Outputs git = scm.outputs(s.outs());
        for (PathItem o : s.outs()) {
            if (!Files.exists(o.abs())) {
                if (options.allowMissing()) continue;
                throw new StageFailure("output '" + checker.display(o.abs()) + "' does not exist");
            }
            if (!Files.isRegularFile(o.abs()) && !Files.isDirectory(o.abs())) {
                throw new StageFailure("output '" + checker.display(o.abs()) + "' is not a file or directory");
            }
            if (Files.isDirectory(o.abs()) ? isEmptyDir(o.abs()) : Files.size(o.abs()) == 0) {
                log.warn("'" + checker.display(o.abs()) + "' is empty.");
            }
            try {
                git.ignore(o, checker.display(o.abs()));
            } catch (ScmContext.ScmException e) {
                throw new StageFailure(e.getMessage());
            }
            if (o.out().kind() == OutKind.METRICS && Files.isRegularFile(o.abs()) && isBinary(o.abs())) {
                throw new StageFailure("binary file '" + o.abs() + "' cannot be used as metrics.");
            }
            savePath(o);
        }
        boolean plainUncached = false;
        for (PathItem o : s.outs()) plainUncached |= !o.out().cache() && o.out().kind() == OutKind.OUTS;
        if (!options.noCommit() && !plainUncached && canHash(s)) saveRunCache(s);
    }

    /** Hashes a path; a DVC 2 (md5-dos2unix) record whose content changed is upgraded to md5. */
    private void savePath(PathItem p) throws IOException {
        HashName name = p.name();
        HashInfo h = hashes.hash(p.abs(), name);
        if (name == HashName.MD5_DOS2UNIX && !h.md5().equals(p.lockedMd5())) {
            name = HashName.MD5;
            h = hashes.hash(p.abs(), name);
        }
        p.save(h, name);
    }

    /**
     * {@code StageCache.save}: the entry for the stage as it now is, unless the same one exists; either way the
     * stage's {@code cache: false} outputs go into the cache (which is how a deleted uncached metric comes back).
     */
    private void saveRunCache(TrackedStage s) throws StageFailure, IOException {
        Map<String, Object> entry = entry(s);
        for (PathItem o : s.outs()) {
            if (o.out().cache() || o.saved() == null) continue;
            addToCache(o.abs(), o.saved(), o.name());
        }
        String key = RunCache.key(entry);
        if (!Files.exists(runCache.entryPath(key, RunCache.value(entry)))) runCache.save(entry);
    }

    /** {@code Stage.commit}: cached outputs go into the cache. */
    private void commit(TrackedStage s) throws IOException {
        for (PathItem o : s.outs()) {
            if (!o.out().cache() || o.saved() == null) continue;
            cache.commit(o.abs(), o.saved(), o.name());
        }
    }

    /** Copies a file or directory into the cache without linking the workspace to it. */
    private void addToCache(Path abs, HashInfo h, HashName name) throws IOException {
        if (!h.dir()) {
            cache.addFile(abs, h.md5(), name);
            return;
        }
        for (HashInfo.Entry e : h.manifest()) cache.addFile(FileNames.resolve(abs, e.relpath()), e.md5(), name);
        cache.addBytes(h.manifestJson().getBytes(StandardCharsets.UTF_8), h.md5(), name);
    }

    // ---- lock entries

    /** The stage's lock entry from its saved dependencies, params and outputs. */
    Map<String, Object> entry(TrackedStage s) throws StageFailure, IOException {
        List<PathEntry> deps = new ArrayList<>();
        for (PathItem d : s.deps()) deps.add(new PathEntry(d.path(), d.saved(), d.name() == HashName.MD5_DOS2UNIX));
        List<PathEntry> outs = new ArrayList<>();
        for (PathItem o : s.outs()) outs.add(new PathEntry(o.path(), o.saved(), o.name() == HashName.MD5_DOS2UNIX));
        return LockEntryBuilder.build(new LockEntryBuilder.StageParts(s.stage().cmd(), deps, params(s), outs));
    }

    /** The entry as locked (the run-cache key of a stage whose only change is missing outputs). */
    private Map<String, Object> lockedEntry(TrackedStage s) throws StageFailure, IOException {
        List<PathEntry> deps = new ArrayList<>();
        for (PathItem d : s.deps()) deps.add(new PathEntry(d.path(), lockedHash(d), d.name() == HashName.MD5_DOS2UNIX));
        List<PathEntry> outs = new ArrayList<>();
        for (PathItem o : s.outs()) outs.add(new PathEntry(o.path(), lockedHash(o), o.name() == HashName.MD5_DOS2UNIX));
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        for (ParamItem p : s.params()) params.put(p.dep().file(), p.locked() == null ? Map.of() : p.locked());
        return LockEntryBuilder.build(new LockEntryBuilder.StageParts(s.stage().cmd(), deps, params, outs));
    }

    /** The run-cache key's entry: current dependencies (hashed as saved), current params, output paths. */
    private Map<String, Object> keyEntry(TrackedStage s) throws StageFailure, IOException {
        List<PathEntry> deps = new ArrayList<>();
        for (PathItem d : s.deps()) {
            HashInfo h = options.dry() ? lockedHash(d) : d.saved();
            deps.add(new PathEntry(d.path(), h, d.name() == HashName.MD5_DOS2UNIX));
        }
        List<PathEntry> outs = new ArrayList<>();
        for (PathItem o : s.outs()) outs.add(new PathEntry(o.path(), null, o.name() == HashName.MD5_DOS2UNIX));
        return LockEntryBuilder.build(new LockEntryBuilder.StageParts(s.stage().cmd(), deps, params(s), outs));
    }

    private static HashInfo lockedHash(PathItem p) {
        if (p.locked() == null || p.lockedMd5() == null) return null;
        boolean dir = p.lockedMd5().endsWith(HashInfo.DIR_SUFFIX);
        Long size = p.locked().size();
        Long nfiles = p.locked().nfiles();
        return new HashInfo(p.lockedMd5(), size == null ? 0 : size, nfiles == null ? null : nfiles.intValue(),
                Boolean.TRUE.equals(p.locked().isexec()), dir, List.of());
    }

    private Map<String, Map<String, Object>> params(TrackedStage s) throws StageFailure, IOException {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (ParamItem p : s.params()) out.put(p.dep().file(), paramValues(p));
        return out;
    }

    /**
     * {@code ParamsDependency.get_hash}: the current values of the declared keys (of every top-level key of a
     * wholly tracked file); a declared key the file lacks fails the stage.
     */
    private Map<String, Object> paramValues(ParamItem p) throws StageFailure, IOException {
        Map<String, Object> values = checker.currentValues(p.dep());
        List<String> missing = new ArrayList<>();
        for (ParamKey k : p.dep().keys()) if (!values.containsKey(k.key())) missing.add(k.key());
        if (!missing.isEmpty()) {
            throw new StageFailure("Parameters '" + String.join(", ", missing) + "' are missing from '"
                    + checker.display(p.dep().abs()) + "'.");
        }
        return values;
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** {@code istextfile}: a NUL byte, or more than 30% of bytes outside text, in the first 512 bytes. */
    private static boolean isBinary(Path file) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (head.length == 0) return false;
        int nontext = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) return true;
            boolean text = c >= 0x20 && c <= 0x7e || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\b';
            if (!text) nontext++;
        }
        return nontext * 10 > head.length * 3;
    }
}
