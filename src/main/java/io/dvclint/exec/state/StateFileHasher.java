package io.dvclint.exec.state;

import io.dvclint.exec.hash.FileHasher;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A {@link FileHasher} that answers from a {@link HashState} when the file's stat data are those recorded, and
 * otherwise asks the hasher it wraps and records the answer; it also remembers directories' manifest hashes.
 */
final class StateFileHasher implements FileHasher {
    private final HashState state;
    private final FileHasher inner;

    StateFileHasher(HashState state, FileHasher inner) {
        this.state = state;
        this.inner = inner;
    }

    @Override
    public String md5(Path file, HashName name) throws IOException {
        return md5(file, name, Files.readAttributes(file, BasicFileAttributes.class));
    }

    @Override
    public String md5(Path file, HashName name, BasicFileAttributes attrs) throws IOException {
        String key = state.key(file);
        FileStat st = FileStat.of(attrs);
        String md5 = state.lookup(key, st, name);
        if (md5 != null) return md5;
        long start = state.now();
        long wait = HashState.racyWait(st.mtimeNanos(), start);
        if (wait > 0) {
            // just written: a moment's wait, and its hash can be recorded
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            start = state.now();
        }
        md5 = inner.md5(file, name, attrs);
        state.record(key, st, name, md5, start);
        return md5;
    }

    @Override
    public String known(Path file, HashName name, BasicFileAttributes attrs) {
        return state.lookup(state.key(file), FileStat.of(attrs), name);
    }

    @Override
    public String knownManifest(Path dir, List<HashInfo.Entry> manifest) {
        return state.lookupManifest(state.dirKey(dir), HashState.manifestBytes(manifest));
    }

    @Override
    public void recordManifest(Path dir, List<HashInfo.Entry> manifest, String dirMd5) {
        state.recordManifest(state.dirKey(dir), HashState.manifestBytes(manifest), dirMd5);
    }
}
