package io.dvclint.model;

import io.dvclint.yaml.Pos;
import java.util.Objects;

/**
 * A dep or out entry of dvc.lock.
 *
 * @param hash   the hash name ({@code md5}), or null for a legacy DVC 2.x entry (md5-dos2unix)
 * @param md5    the hash value ({@code .dir} suffix for directories)
 */
public record LockEntry(String path, String hash, String md5, Long size, Long nfiles, Boolean isexec, Pos pos) {
    public boolean isDir() {
        return md5 != null && md5.endsWith(".dir");
    }

    public boolean isLegacy() {
        return hash == null;
    }

    // equals and hashCode written out: a record's own are linked through invokedynamic (ObjectMethods) on first use,
    // which costs a fresh JVM several milliseconds of method-handle spinning
    @Override
    public boolean equals(Object o) {
        return o instanceof LockEntry e && Objects.equals(path, e.path) && Objects.equals(hash, e.hash)
                && Objects.equals(md5, e.md5) && Objects.equals(size, e.size) && Objects.equals(nfiles, e.nfiles)
                && Objects.equals(isexec, e.isexec) && Objects.equals(pos, e.pos);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, hash, md5, size, nfiles, isexec, pos);
    }
}
