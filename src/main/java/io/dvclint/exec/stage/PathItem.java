package io.dvclint.exec.stage;

import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.model.LockEntry;
import io.dvclint.model.Out;
import java.nio.file.Path;

/**
 * A dependency or output of a stage as the executor tracks it: its path as written, what dvc.lock recorded for it,
 * the hash name DVC reads that record with, and (once the stage has been saved) its current hash.
 */
public final class PathItem {
    private final String path;
    private final Path abs;
    private final Out out;
    private final LockEntry locked;
    private HashName name;
    private HashInfo saved;

    /**
     * @param path   as written in dvc.yaml (after templating)
     * @param out    the output declaration, or null for a dependency
     * @param locked the dvc.lock entry with exactly this path, or null
     * @param name   the hash name: {@code md5} for a DVC 3 entry and for a stage with no lock entry at all,
     *               {@code md5-dos2unix} for a legacy entry and for a path the stage's lock entry lacks
     */
    PathItem(String path, Path abs, Out out, LockEntry locked, HashName name) {
        this.path = path;
        this.abs = abs;
        this.out = out;
        this.locked = locked;
        this.name = name;
    }

    public String path() {
        return path;
    }

    public Path abs() {
        return abs;
    }

    /** The output declaration (flags), or null for a dependency. */
    public Out out() {
        return out;
    }

    public boolean isOut() {
        return out != null;
    }

    /** Whether the output is cached (dependencies are never). */
    public boolean cached() {
        return out != null && out.cache();
    }

    public LockEntry locked() {
        return locked;
    }

    /** The hash value dvc.lock recorded, or null. */
    public String lockedMd5() {
        return locked == null ? null : locked.md5();
    }

    public HashName name() {
        return name;
    }

    /** The hash saved by the last run of the stage in this process, or null. */
    public HashInfo saved() {
        return saved;
    }

    /**
     * Records the path's hash once the stage ran, under the name it is now saved with (a DVC 2 record whose content
     * changed is saved as md5, as DVC's {@code update_legacy_hash_name} does).
     */
    public void save(HashInfo current, HashName currentName) {
        this.saved = current;
        this.name = currentName;
    }
}
