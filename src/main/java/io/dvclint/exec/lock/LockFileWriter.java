package io.dvclint.exec.lock;

import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes dvc.lock as DVC's {@code Lockfile.dump_stages} does: the existing file is loaded round-trip, a missing or
 * empty one starts as {@code schema: '2.0'}, a {@code stages} mapping is added at the end if there is none, each
 * new entry replaces the one of the same name where it stands or is appended, and the whole document is dumped
 * again ({@link Emitter}). Entries left alone come out as ruamel re-emits what it loaded ({@link
 * Representer#roundTrip}), so an old lock may change in places DVC also changes it (e.g. long commands folded
 * anew).
 *
 * <p>Comments in an existing dvc.lock are not kept (DVC keeps them; locks DVC writes have none).
 */
public final class LockFileWriter {
    /** The lock file format version written first in a new file. */
    public static final String SCHEMA = "2.0";

    private LockFileWriter() {
    }

    /** A dvc.lock that cannot be updated (not YAML, or not a mapping). */
    public static final class LockFormatException extends IOException {
        public LockFormatException(String message) {
            super(message);
        }
    }

    /**
     * The text of a dvc.lock after setting stage entries.
     *
     * @param existing the current text, or null when the file does not exist
     * @param entries  stage name to its lock entry (as {@link LockEntryBuilder#build} makes it), in the order to
     *                 append new ones
     */
    public static String update(String existing, Map<String, ? extends Map<String, Object>> entries)
            throws LockFormatException {
        return update(existing, entries, null);
    }

    /** Where a stage entry that is not in the file yet goes. */
    public interface Placement {
        /** The index among the file's stage names (in file order) to insert {@code name} at. */
        int indexFor(List<String> names, String name);
    }

    /**
     * {@link #update(String, Map)} with new entries placed where {@code placement} says (null: appended, as DVC
     * appends them).
     */
    public static String update(String existing, Map<String, ? extends Map<String, Object>> entries,
            Placement placement) throws LockFormatException {
        List<Node.Pair> root = new ArrayList<>();
        boolean rootFlow = false;
        if (existing != null) {
            YamlLoader.Result r = YamlLoader.load(new SourceText(existing));
            if (!r.ok()) throw new LockFormatException("unable to read dvc.lock: " + r.problem().message());
            YNode doc = r.root();
            if (doc instanceof YMap m) {
                Node.Mapping loaded = (Node.Mapping) Representer.roundTrip(m);
                root.addAll(loaded.pairs());
                rootFlow = m.isFlow();
            } else if (doc != null && doc.toJava() != null) {
                // an empty document (or a null) starts over, as DVC's `load() or {}` does
                throw new LockFormatException("dvc.lock is not a mapping");
            }
        }
        if (root.isEmpty()) {
            root.add(new Node.Pair(key("schema"), Node.Scalar.of(Node.Tag.STR, SCHEMA)));
        }
        int at = indexOf(root, "stages");
        List<Node.Pair> stages = new ArrayList<>();
        boolean stagesFlow = false;
        if (at >= 0 && root.get(at).value() instanceof Node.Mapping old) {
            stages.addAll(old.pairs());
            stagesFlow = old.flow();
        } else if (at >= 0 && !(root.get(at).value() instanceof Node.Scalar s && s.tag() == Node.Tag.NULL)) {
            throw new LockFormatException("'stages' in dvc.lock is not a mapping");
        }
        for (Map.Entry<String, ? extends Map<String, Object>> e : entries.entrySet()) {
            Node.Pair p = new Node.Pair(key(e.getKey()), Representer.represent(e.getValue()));
            int i = indexOf(stages, e.getKey());
            if (i >= 0) {
                stages.set(i, p);
            } else if (placement == null) {
                stages.add(p);
            } else {
                List<String> names = new ArrayList<>();
                for (Node.Pair x : stages) names.add(x.key() instanceof Node.Scalar k ? k.value() : "");
                stages.add(Math.max(0, Math.min(stages.size(), placement.indexFor(names, e.getKey()))), p);
            }
        }
        // a mapping DVC creates ({} at first) is block style once it has entries; a loaded flow one stays flow
        Node.Pair stagesPair = new Node.Pair(key("stages"), new Node.Mapping(stages, stagesFlow || stages.isEmpty()));
        if (at >= 0) root.set(at, stagesPair);
        else root.add(stagesPair);
        return Emitter.dump(new Node.Mapping(root, rootFlow));
    }

    private static Node key(String name) {
        return Node.Scalar.of(Node.Tag.STR, name);
    }

    private static int indexOf(List<Node.Pair> pairs, String key) {
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).key() instanceof Node.Scalar s && s.tag() == Node.Tag.STR && s.value().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The names of the stage entries of a dvc.lock text, in file order (none for a missing or empty file, or one
     * without entries).
     */
    public static List<String> stageNames(String existing) throws LockFormatException {
        List<String> names = new ArrayList<>();
        for (Node.Pair p : stagePairs(load(existing).pairs())) {
            names.add(p.key() instanceof Node.Scalar s ? s.value() : String.valueOf(p.key()));
        }
        return names;
    }

    /**
     * The text of a dvc.lock with its stage entries in another order: those named in {@code order} first, in that
     * order, then the others as they stood. Every entry is written back as DVC writes back an entry it loaded, so
     * a file in DVC's form keeps its bytes but for the order. A text without entries is returned as it is.
     */
    public static String reorder(String existing, List<String> order) throws LockFormatException {
        Loaded doc = load(existing);
        int at = indexOf(doc.pairs(), "stages");
        if (at < 0 || !(doc.pairs().get(at).value() instanceof Node.Mapping old)) return existing;
        List<Node.Pair> rest = new ArrayList<>(old.pairs());
        List<Node.Pair> stages = new ArrayList<>();
        for (String name : order) {
            int i = indexOf(rest, name);
            if (i >= 0) stages.add(rest.remove(i));
        }
        stages.addAll(rest);
        List<Node.Pair> root = new ArrayList<>(doc.pairs());
        root.set(at, new Node.Pair(root.get(at).key(), new Node.Mapping(stages, old.flow())));
        return Emitter.dump(new Node.Mapping(root, doc.flow()));
    }

    /** A dvc.lock loaded round-trip: its top-level pairs and whether it is a flow mapping. */
    private record Loaded(List<Node.Pair> pairs, boolean flow) {
    }

    private static Loaded load(String existing) throws LockFormatException {
        if (existing == null) return new Loaded(List.of(), false);
        YamlLoader.Result r = YamlLoader.load(new SourceText(existing));
        if (!r.ok()) throw new LockFormatException("unable to read dvc.lock: " + r.problem().message());
        if (r.root() instanceof YMap m) {
            return new Loaded(((Node.Mapping) Representer.roundTrip(m)).pairs(), m.isFlow());
        }
        if (r.root() != null && r.root().toJava() != null) throw new LockFormatException("dvc.lock is not a mapping");
        return new Loaded(List.of(), false);
    }

    private static List<Node.Pair> stagePairs(List<Node.Pair> root) throws LockFormatException {
        int at = indexOf(root, "stages");
        if (at < 0) return List.of();
        if (root.get(at).value() instanceof Node.Mapping m) return m.pairs();
        if (root.get(at).value() instanceof Node.Scalar s && s.tag() == Node.Tag.NULL) return List.of();
        throw new LockFormatException("'stages' in dvc.lock is not a mapping");
    }

    /** The text DVC would write back for an existing dvc.lock when no entry changes (load, then dump). */
    public static String reEmit(String existing) throws LockFormatException {
        return update(existing, Map.of());
    }

    /**
     * Sets stage entries in a dvc.lock file (created if absent), writing it atomically.
     *
     * @return the text written
     */
    public static String write(Path lockFile, Map<String, ? extends Map<String, Object>> entries) throws IOException {
        String existing = Files.exists(lockFile) ? Files.readString(lockFile, StandardCharsets.UTF_8) : null;
        String text = update(existing, entries);
        writeAtomically(lockFile, text);
        return text;
    }

    /** Writes a file through a temporary file in the same folder renamed over it, so readers never see half. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            // a temporary file is private; the lock keeps the mode it had, or gets the usual rw-r--r--
            Files.setPosixFilePermissions(tmp, Files.exists(file) ? Files.getPosixFilePermissions(file)
                    : PosixFilePermissions.fromString("rw-r--r--"));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
