package io.dvclint.exec.cache;

import io.dvclint.exec.lock.Emitter;
import io.dvclint.exec.lock.Representer;
import io.dvclint.py.PyJson;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DVC's run-cache ({@code dvc/stage/cache.py}): for a stage that can be hashed, each run that succeeded leaves
 * {@code <cache>/runs/<key[:2]>/<key>/<value>} holding its lock entry as YAML. The key is the SHA-256 of
 * {@code json.dumps(entry, sort_keys=True)} with {@code outs} replaced by the list of their paths, the value the
 * same over the whole entry; both leave out every {@code size} and {@code nfiles} key at any depth (param values
 * included), and keep {@code hash}, {@code md5} and {@code isexec}. Several values may exist for one key; the
 * newest file wins.
 */
public final class RunCache {
    private static final Set<String> EXCLUDED = Set.of("size", "nfiles");

    private final Path runs;

    /** @param cacheRoot the cache folder ({@code .dvc/cache}); entries live under its {@code runs/} */
    public RunCache(Path cacheRoot) {
        this.runs = cacheRoot.resolve("runs");
    }

    /**
     * Whether DVC can compute a run-cache key for a stage ({@code _can_hash}): it has a command, at least one
     * dependency (params count) and one output, is not always changed, has no {@code persist} output and all its
     * outputs are local paths inside the repository.
     */
    public static boolean canHash(boolean hasCmd, boolean hasDeps, boolean hasOuts, boolean alwaysChanged,
            boolean anyPersistOut, boolean allOutsInRepo) {
        return hasCmd && hasDeps && hasOuts && !alwaysChanged && !anyPersistOut && allOutsInRepo;
    }

    /**
     * Whether a run saves an entry ({@code Stage.run}): the stage can be hashed, no output other than a metric or
     * plot has {@code cache: false}, and the run commits ({@code --no-commit} saves nothing).
     */
    public static boolean canSave(boolean canHash, boolean anyUncachedPlainOut, boolean noCommit) {
        return canHash && !anyUncachedPlainOut && !noCommit;
    }

    /** The key of a lock entry (as {@code LockEntryBuilder.build} makes it). */
    public static String key(Map<String, ?> entry) {
        Map<String, Object> copy = new LinkedHashMap<>(entry);
        List<Object> paths = new ArrayList<>();
        Object outs = entry.get("outs");
        if (outs instanceof List<?> list) {
            for (Object o : list) paths.add(((Map<?, ?>) o).get("path"));
        }
        copy.put("outs", paths);
        return sha256(copy);
    }

    /** The value of a lock entry: the hash of the whole entry. */
    public static String value(Map<String, ?> entry) {
        return sha256(entry);
    }

    /** {@code dict_sha256(d, exclude=["size", "nfiles"])}. */
    static String sha256(Object d) {
        byte[] json = PyJson.dumps(filter(d)).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            StringBuilder sb = new StringBuilder();
            for (byte b : digest) sb.append(String.format("%02x", b));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code dict_filter}: the excluded keys removed from every mapping, through lists and mappings. */
    private static Object filter(Object d) {
        if (d instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) out.add(filter(o));
            return out;
        }
        if (d instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!EXCLUDED.contains(e.getKey())) out.put(e.getKey(), filter(e.getValue()));
            }
            return out;
        }
        return d;
    }

    /** {@code runs/<key[:2]>/<key>/<value>}. */
    public Path entryPath(String key, String value) {
        return runs.resolve(key.substring(0, 2)).resolve(key).resolve(value);
    }

    /** The path of an entry relative to the cache folder, as {@code runs/...} with forward slashes. */
    public static String relativePath(String key, String value) {
        return "runs/" + key.substring(0, 2) + "/" + key + "/" + value;
    }

    /**
     * Saves a run's lock entry unless an entry with the same key and value exists; written through a temporary
     * file, mode {@code rw-r--r--}.
     *
     * @return the entry's path
     */
    public Path save(Map<String, ?> entry) throws IOException {
        Path p = entryPath(key(entry), value(entry));
        if (Files.exists(p)) return p;
        Files.createDirectories(p.getParent());
        Path tmp = Files.createTempFile(p.getParent(), ".", ".tmp");
        try {
            Files.writeString(tmp, Emitter.dump(Representer.represent(entry)), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            try {
                Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, p);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return p;
    }

    /** The entry files saved under a key, newest modification time first. */
    public List<Path> entries(String key) throws IOException {
        Path dir = runs.resolve(key.substring(0, 2)).resolve(key);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        Map<Path, FileTime> times = new HashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                out.add(p);
                times.put(p, Files.getLastModifiedTime(p));
            }
        }
        out.sort((a, b) -> times.get(b).compareTo(times.get(a)));
        return out;
    }

    /**
     * The newest entry saved under a key, as plain values, or null when there is none. An entry that is not a
     * YAML mapping is deleted (DVC warns {@code corrupted cache file} and does the same).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> lookup(String key) throws IOException {
        List<Path> found = entries(key);
        if (found.isEmpty()) return null;
        Path newest = found.get(0);
        YamlLoader.Result r = YamlLoader.load(new SourceText(Files.readString(newest, StandardCharsets.UTF_8)));
        if (!r.ok() || !(r.root() instanceof YMap m)) {
            Files.deleteIfExists(newest);
            return null;
        }
        return (Map<String, Object>) m.toJava();
    }
}
