package io.dvclint.exec.state;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/** The stat data a hash-state entry is keyed on: inode, mtime in nanoseconds, size. */
record FileStat(long inode, long mtimeNanos, long size) {
    static FileStat of(BasicFileAttributes a) {
        return new FileStat(inode(a.fileKey()), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size());
    }

    // written out: a record's generated equals and hashCode are linked on first use, a cost on every start

    @Override
    public boolean equals(Object o) {
        return o instanceof FileStat f && f.inode == inode && f.mtimeNanos == mtimeNanos && f.size == size;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(inode) * 31 * 31 + Long.hashCode(mtimeNanos) * 31 + Long.hashCode(size);
    }

    /** The inode number of a file key ({@code (dev=...,ino=N)} on Unix), else a number standing for the key. */
    static long inode(Object fileKey) {
        if (fileKey == null) return 0;
        String s = fileKey.toString();
        int i = s.indexOf("ino=");
        if (i >= 0) {
            long v = 0;
            int j = i + 4;
            int digits = 0;
            while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                v = v * 10 + (s.charAt(j++) - '0');
                digits++;
            }
            if (digits > 0) return v;
        }
        return fileKey.hashCode();
    }
}
