package io.dvclint.exec.cache;

import io.dvclint.exec.hash.FileNames;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Md5;
import io.dvclint.load.DvcConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The local cache ({@code .dvc/cache}) as dvc-data keeps it: DVC 3 objects at {@code files/md5/<2>/<30>}, DVC 2
 * (md5-dos2unix) objects at {@code <2>/<30>}, a directory as one object per file plus a {@code .dir} object holding
 * its manifest. Objects are written through a temporary file and made read-only ({@code 0444},
 * {@code LocalHashFileDB.CACHE_MODE}); a read-only object is trusted, any other is hashed again and deleted when
 * its content does not match its name, as {@code HashFileDB.check} does.
 *
 * <p>Workspace files are made from objects with the link types of {@code cache.type}, tried in order (reflink is
 * never available here and is skipped, as it is on file systems without it; copy always works).
 */
public final class ObjectCache {
    private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--r--r--");
    /** {@code 0o666 & ~umask} for the usual umask 022. */
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path root;
    private final List<String> linkTypes;

    /** No link type could make a workspace file (dvc-data's {@code LinkError}, its text as DVC prints it). */
    public static final class LinkException extends IOException {
        public LinkException(Throwable cause) {
            super("No possible cache link types for '{path}'.", cause);
        }
    }

    /**
     * @param root      the cache folder ({@code .dvc/cache})
     * @param linkTypes link types to try in order: {@code reflink}, {@code hardlink}, {@code symlink}, {@code copy}
     */
    public ObjectCache(Path root, List<String> linkTypes) {
        this.root = root.toAbsolutePath().normalize();
        this.linkTypes = List.copyOf(linkTypes);
    }

    /** The cache of the project at {@code projectRoot}, as its {@code .dvc/config} sets it up. */
    public static ObjectCache forProject(Path projectRoot) throws IOException {
        return of(DvcConfig.load(projectRoot));
    }

    /** The cache a project's configuration sets up (its folder, {@code ~} the user's home, and link types). */
    public static ObjectCache of(DvcConfig config) {
        return new ObjectCache(config.cacheDir(System.getProperty("user.home")), config.cacheTypes());
    }

    public Path root() {
        return root;
    }

    /** Where an object lives: {@code files/md5/<2>/<rest>} (DVC 3) or {@code <2>/<rest>} (DVC 2 hashes). */
    public Path objectPath(String md5, HashName name) {
        Path base = name == HashName.MD5 ? root.resolve("files").resolve("md5") : root;
        return base.resolve(md5.substring(0, 2)).resolve(md5.substring(2));
    }

    // ---- adding objects

    /**
     * Commits a hashed output ({@code info} as {@code Hasher} made it, manifest included): its
     * file, or each file of its directory and the {@code .dir} manifest. Objects
     * already present are kept. Afterwards a workspace file is relinked to its object when the first usable link
     * type is a hard or symbolic link, as DVC's commit does.
     */
    public void commit(Path workspace, HashInfo info, HashName name) throws IOException {
        if (info.dir() && (info.nfiles() == null || info.manifest().size() != info.nfiles())) {
            throw new IllegalArgumentException("committing a directory needs its manifest (hash it with Hasher)");
        }
        if (!info.dir()) {
            addFile(workspace, info.md5(), name);
            relink(workspace, info.md5(), name);
            return;
        }
        for (HashInfo.Entry e : info.manifest()) {
            Path file = FileNames.resolve(workspace, e.relpath());
            addFile(file, e.md5(), name);
            relink(file, e.md5(), name);
        }
        addBytes(info.manifestJson().getBytes(StandardCharsets.UTF_8), info.md5(), name);
    }

    /** Adds one file under the given hash unless its object exists (hard-linked when hardlink comes first). */
    public void addFile(Path source, String md5, HashName name) throws IOException {
        Path obj = objectPath(md5, name);
        if (Files.exists(obj, LinkOption.NOFOLLOW_LINKS)) return;
        Files.createDirectories(obj.getParent());
        Path tmp = tempBeside(obj);
        try {
            boolean linked = false;
            if (!linkTypes.isEmpty() && linkTypes.get(0).equals("hardlink")) {
                try {
                    Files.delete(tmp);
                    Files.createLink(tmp, source);
                    linked = true;
                } catch (FileSystemException | UnsupportedOperationException e) {
                    Files.deleteIfExists(tmp);
                }
            }
            if (!linked) Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, READ_ONLY);
            move(tmp, obj);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Adds an object from bytes (a {@code .dir} manifest) unless it exists. */
    public void addBytes(byte[] content, String md5, HashName name) throws IOException {
        Path obj = objectPath(md5, name);
        if (Files.exists(obj, LinkOption.NOFOLLOW_LINKS)) return;
        Files.createDirectories(obj.getParent());
        Path tmp = tempBeside(obj);
        try {
            Files.write(tmp, content);
            Files.setPosixFilePermissions(tmp, READ_ONLY);
            move(tmp, obj);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path tempBeside(Path obj) throws IOException {
        return Files.createTempFile(obj.getParent(), "." + obj.getFileName(), ".tmp");
    }

    private static void move(Path tmp, Path dest) throws IOException {
        try {
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dest);
        }
    }

    // ---- checking objects

    /**
     * Whether an object is in the cache and intact ({@code changed_cache} is the negation: "not in cache"): for a
     * directory, its {@code .dir} object, readable as a manifest, and every file object it lists. A damaged object
     * is deleted.
     */
    public boolean contains(String md5, HashName name) throws IOException {
        if (!check(md5, name)) return false;
        if (!md5.endsWith(HashInfo.DIR_SUFFIX)) return true;
        List<HashInfo.Entry> manifest;
        try {
            manifest = readManifest(md5, name);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        for (HashInfo.Entry e : manifest) {
            if (!check(e.md5(), name)) return false;
        }
        return true;
    }

    /** {@code HashFileDB.check}: present, and read-only or its content hashes to its name (else removed). */
    private boolean check(String md5, HashName name) throws IOException {
        Path obj = objectPath(md5, name);
        if (!Files.isRegularFile(obj)) return false;
        if (Files.getPosixFilePermissions(obj).equals(READ_ONLY)) return true;
        String actual = Md5.INSTANCE.md5(obj, name);
        if (!actual.equals(stripDir(md5))) {
            Files.deleteIfExists(obj);
            return false;
        }
        Files.setPosixFilePermissions(obj, READ_ONLY);
        return true;
    }

    private static String stripDir(String md5) {
        return md5.endsWith(HashInfo.DIR_SUFFIX) ? md5.substring(0, md5.length() - HashInfo.DIR_SUFFIX.length()) : md5;
    }

    /** The manifest stored in a {@code .dir} object. */
    public List<HashInfo.Entry> readManifest(String dirMd5, HashName name) throws IOException {
        String json = Files.readString(objectPath(dirMd5, name), StandardCharsets.UTF_8);
        List<HashInfo.Entry> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw new IOException("not a directory manifest: " + dirMd5);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String md5 = null;
                String relpath = null;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("md5")) md5 = p.getString();
                    else if (field.equals("relpath")) relpath = p.getString();
                    else p.skipChildren();
                }
                if (md5 == null || relpath == null) throw new IOException("bad directory manifest: " + dirMd5);
                out.add(new HashInfo.Entry(relpath, md5));
            }
        }
        return out;
    }

    // ---- workspace

    /**
     * Restores an output from the cache: whatever is at {@code target} is removed, then the file (execute bit set
     * when {@code info.isexec()}) or every file of the directory is made from its object.
     *
     * @throws NoSuchFileException when an object is missing
     */
    public void checkout(Path target, HashInfo info, HashName name) throws IOException {
        List<HashInfo.Entry> files = info.dir() ? readManifest(info.md5(), name) : List.of();
        for (HashInfo.Entry e : files) {
            if (!Files.isRegularFile(objectPath(e.md5(), name))) throw new NoSuchFileException(
                    objectPath(e.md5(), name).toString());
        }
        if (!info.dir() && !Files.isRegularFile(objectPath(info.md5(), name))) {
            throw new NoSuchFileException(objectPath(info.md5(), name).toString());
        }
        Workspace.remove(target);
        if (!info.dir()) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            link(objectPath(info.md5(), name), target);
            if (info.isexec()) Workspace.setUserExec(target);
            return;
        }
        Files.createDirectories(target);
        for (HashInfo.Entry e : files) {
            Path file = FileNames.resolve(target, e.relpath());
            Files.createDirectories(file.getParent());
            link(objectPath(e.md5(), name), file);
        }
    }

    /** Replaces a committed workspace file by a link to its object when the link type in use is a link. */
    private void relink(Path file, String md5, HashName name) throws IOException {
        Path obj = objectPath(md5, name);
        for (String type : linkTypes) {
            switch (type) {
                case "copy", "reflink" -> {
                    if (!Files.isSymbolicLink(file) && !Workspace.isHardLinked(file)) return;
                }
                case "hardlink" -> {
                    if (Workspace.sameFile(file, obj)) return;
                }
                case "symlink" -> {
                    if (Files.isSymbolicLink(file) && Files.readSymbolicLink(file).equals(obj)) return;
                }
                default -> {
                }
            }
        }
        Workspace.remove(file);
        link(obj, file);
    }

    /** Makes {@code dest} from an object with the first link type that works. */
    private void link(Path obj, Path dest) throws IOException {
        IOException last = null;
        for (String type : linkTypes) {
            try {
                switch (type) {
                    case "hardlink" -> Files.createLink(dest, obj);
                    case "symlink" -> Files.createSymbolicLink(dest, obj);
                    case "copy" -> {
                        Files.copy(obj, dest);
                        Files.setPosixFilePermissions(dest, FILE_MODE);
                    }
                    default -> throw new FileSystemException(dest.toString(), null, type + " is not supported");
                }
                return;
            } catch (FileSystemException | UnsupportedOperationException e) {
                last = e instanceof IOException io ? io : new IOException(e);
                Files.deleteIfExists(dest);
            }
        }
        throw new LinkException(last);
    }
}
