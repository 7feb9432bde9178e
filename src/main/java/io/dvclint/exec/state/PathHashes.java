package io.dvclint.exec.state;

import io.dvclint.discovery.DvcIgnore;
import io.dvclint.exec.cache.ObjectCache;
import io.dvclint.exec.hash.FileHasher;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Hasher;
import io.dvclint.exec.hash.Md5;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hashes of the paths one command looks at, each computed once: a stage's dependency is often the output of the
 * stage before and the dependency of the stage after. When a stage writes or restores an output, {@link #forget}
 * drops what was known of it and of the paths it contains or lies in. Across commands, files are not read again
 * while their stat data are those recorded in the project's {@link HashState}. Safe for stages running at once.
 *
 * <p>As DVC's {@code dvc-data} build does, hashing a directory under a DVC 2 (md5-dos2unix) name stores its
 * {@code .dir} manifest in the legacy cache layout.
 */
public final class PathHashes {
    private record Key(Path path, HashName name) {
        // written out: a record's generated equals and hashCode are linked on first use, a cost on every start

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.name == name && k.path.equals(path);
        }

        @Override
        public int hashCode() {
            return path.hashCode() * 31 + name.ordinal();
        }
    }

    private final Hasher hasher;
    private final ObjectCache cache;
    private final HashState state;
    private final Map<Key, HashInfo> known = new ConcurrentHashMap<>();

    /** Hashes with {@code hasher}, remembering nothing across commands. */
    public PathHashes(Hasher hasher, ObjectCache cache) {
        this(hasher, cache, null);
    }

    private PathHashes(Hasher hasher, ObjectCache cache, HashState state) {
        this.hasher = hasher;
        this.cache = cache;
        this.state = state;
    }

    /**
     * The path hashes of a command on the project at {@code root}: its ignore rules, and its hash state loaded from
     * {@code .dvc/tmp} (written back when the command ends, see {@link HashState#save}).
     */
    public static PathHashes forProject(Path root, DvcIgnore ignore, ObjectCache cache) {
        return forProject(root, ignore, cache, Md5.INSTANCE);
    }

    /** As {@link #forProject(Path, DvcIgnore, ObjectCache)}, files read by {@code files} (tests count them). */
    static PathHashes forProject(Path root, DvcIgnore ignore, ObjectCache cache, FileHasher files) {
        HashState state = HashState.load(root);
        return new PathHashes(new Hasher(ignore, state.over(files)), cache, state);
    }

    /**
     * The hash of a file or directory under {@code name}.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist
     */
    public HashInfo hash(Path abs, HashName name) throws IOException {
        Key k = new Key(abs, name);
        HashInfo h = known.get(k);
        if (h == null) {
            h = hasher.hash(abs, name);
            if (h.dir() && name == HashName.MD5_DOS2UNIX && cache != null) {
                cache.addBytes(h.manifestJson().getBytes(StandardCharsets.UTF_8), h.md5(), name);
            }
            known.put(k, h);
        }
        return h;
    }

    /** Forgets the hashes of {@code abs} and of every known path inside it or holding it. */
    public void forget(Path abs) {
        for (Iterator<Key> it = known.keySet().iterator(); it.hasNext(); ) {
            Path p = it.next().path();
            if (p.startsWith(abs) || abs.startsWith(p)) it.remove();
        }
    }

    /**
     * Writes what was learnt of file hashes to the project's state now rather than at the JVM's exit; never fails.
     */
    public void save() {
        if (state != null) state.save();
    }
}
