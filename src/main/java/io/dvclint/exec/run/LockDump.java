package io.dvclint.exec.run;

import io.dvclint.exec.lock.LockFileWriter;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.model.PathNames;
import io.dvclint.py.PyEq;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes a stage's entry into the dvc.lock beside its dvc.yaml, as DVC's {@code Lockfile.dump_stages} does after
 * each stage: the file read as it is now, the entry set, the whole file written in DVC's bytes (atomically).
 * {@code Generating lock file} when there was none, {@code Updating lock file} when the entry differs from the
 * recorded one (Python equality, so {@code 1} and {@code 1.0} are the same).
 *
 * <p>A serial run appends each new entry when its stage first succeeds, in the plan's order. When stages run at
 * once, one may finish before a stage planned earlier: its new entry then goes before the entries this run added for
 * stages planned after it, so the file comes out as a serial run writes it.
 */
final class LockDump {
    private final Path cwd;
    private final ReproLog log;
    private final Map<String, Integer> planIndex = new HashMap<>();
    private final Map<Path, Set<String>> added = new HashMap<>();
    /** Told of each dvc.lock whose entry changed (DVC's {@code track_file}, for git). */
    private final Consumer<Path> changed;

    LockDump(Path cwd, ReproLog log, Consumer<Path> changed) {
        this.cwd = cwd;
        this.log = log;
        this.changed = changed;
    }

    /** The position of each stage (by its dvc.lock and name) in the plan, for placing new entries. */
    void plan(List<TrackedStage> order) {
        for (TrackedStage s : order) planIndex.put(key(lockOf(s), s.stage().name()), planIndex.size());
    }

    synchronized void dump(TrackedStage s, Map<String, Object> entry) throws IOException {
        Path lock = lockOf(s);
        String name = s.stage().name();
        String existing = Files.exists(lock) ? Files.readString(lock, StandardCharsets.UTF_8) : null;
        Object old = null;
        boolean empty = true;
        if (existing != null) {
            YamlLoader.Result r = YamlLoader.load(new SourceText(existing));
            if (r.ok() && r.root() instanceof YMap m) {
                empty = m.size() == 0;
                if (m.get("stages") instanceof YMap stages && stages.get(name) != null) {
                    old = stages.get(name).toJava();
                }
            }
        }
        String rel = PathNames.posix(cwd.relativize(lock));
        if (empty) log.info("Generating lock file '" + rel + "'");
        if (old == null || !PyEq.eq(old, entry)) {
            log.info("Updating lock file '" + rel + "'");
            changed.accept(lock);
        }
        Set<String> ours = added.computeIfAbsent(lock, k -> new HashSet<>());
        Integer mine = planIndex.get(key(lock, name));
        String text = LockFileWriter.update(existing, Map.of(name, entry), (names, n) -> {
            if (mine == null) return names.size();
            for (int i = 0; i < names.size(); i++) {
                Integer other = planIndex.get(key(lock, names.get(i)));
                if (ours.contains(names.get(i)) && other != null && other > mine) return i;
            }
            return names.size();
        });
        if (old == null) ours.add(name);
        if (!text.equals(existing)) LockFileWriter.writeAtomically(lock, text);
    }

    private static Path lockOf(TrackedStage s) {
        return s.stage().file().dir().resolve("dvc.lock");
    }

    private static String key(Path lock, String name) {
        return lock + "\u0000" + name;
    }
}
