package io.dvclint.model;

import io.dvclint.yaml.Pos;

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

}
