package io.dvclint.exec.state;

import io.dvclint.exec.cache.ObjectCache;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Hasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The hashes of the paths one command looks at, each computed once: a stage's dependency is often the output of the
 * stage before and the dependency of the stage after. When a stage writes or restores an output, {@link #forget}
 * drops what was known of it and of the paths it contains or lies in.
 *
 * <p>As DVC's {@code dvc-data} build does, hashing a directory under a DVC 2 (md5-dos2unix) name stores its
 * {@code .dir} manifest in the legacy cache layout.
 */
public final class PathHashes {
    private record Key(Path path, HashName name) {
    }

    private final Hasher hasher;
    private final ObjectCache cache;
    private final Map<Key, HashInfo> known = new HashMap<>();

    public PathHashes(Hasher hasher, ObjectCache cache) {
        this.hasher = hasher;
        this.cache = cache;
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
}
