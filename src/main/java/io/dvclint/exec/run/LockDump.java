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
import java.util.Map;

/**
 * Writes a stage's entry into the dvc.lock beside its dvc.yaml, as DVC's {@code Lockfile.dump_stages} does after
 * each stage: the file read as it is now, the entry set (a new one appended), the whole file written in DVC's bytes
 * (atomically). {@code Generating lock file} when there was none, {@code Updating lock file} when the entry
 * differs from the recorded one (Python equality, so {@code 1} and {@code 1.0} are the same).
 */
final class LockDump {
    private final Path cwd;
    private final ReproLog log;

    LockDump(Path cwd, ReproLog log) {
        this.cwd = cwd;
        this.log = log;
    }

    void dump(TrackedStage s, Map<String, Object> entry) throws IOException {
        Path lock = s.stage().file().dir().resolve("dvc.lock");
        String existing = Files.exists(lock) ? Files.readString(lock, StandardCharsets.UTF_8) : null;
        Object old = null;
        boolean empty = true;
        if (existing != null) {
            YamlLoader.Result r = YamlLoader.load(new SourceText(existing));
            if (r.ok() && r.root() instanceof YMap m) {
                empty = m.size() == 0;
                if (m.get("stages") instanceof YMap stages && stages.get(s.stage().name()) != null) {
                    old = stages.get(s.stage().name()).toJava();
                }
            }
        }
        String rel = PathNames.posix(cwd.relativize(lock));
        if (empty) log.info("Generating lock file '" + rel + "'");
        if (old == null || !PyEq.eq(old, entry)) log.info("Updating lock file '" + rel + "'");
        String text = LockFileWriter.update(existing, Map.of(s.stage().name(), entry));
        if (!text.equals(existing)) LockFileWriter.writeAtomically(lock, text);
    }
}
