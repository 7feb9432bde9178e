package io.dvclint.exec.hash;

import io.dvclint.discovery.DvcIgnore;
import io.dvclint.py.PyStrings;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Hashes a dependency or output as DVC does ({@code dvc-data hashfile/build.py}): a file by its content, a directory
 * by its manifest. A directory is walked recursively the way {@code os.walk} walks it under DVC's ignore filter:
 * regular files and symbolic links to files count (hashed by their target), symbolic links to directories are not
 * entered, empty directories contribute nothing, {@code .dvcignore} patterns (with DVC's built-in {@code .git},
 * {@code .hg}, {@code .dvc} and sub-repositories) leave paths out, and a {@code .dvcignore} file inside the
 * directory is an error.
 *
 * <p>Every file's MD5 comes from the {@link FileHasher} given (a cache of known hashes can stand in front of
 * {@link Md5}); a directory's files that it does not already know are hashed on all cores when there are enough of
 * them, the manifest staying in DVC's order.
 */
public final class Hasher {
    private final DvcIgnore ignore;
    private final FileHasher files;

    /**
     * @param ignore the project's ignore rules, or null to walk everything
     * @param files  computes each file's MD5
     */
    public Hasher(DvcIgnore ignore, FileHasher files) {
        this.ignore = ignore;
        this.files = files;
    }

    /** A hasher for a project: its {@code .dvcignore} rules, plain MD5 of each file. */
    public static Hasher forProject(Path projectRoot) {
        return new Hasher(DvcIgnore.forRoot(projectRoot), Md5.INSTANCE);
    }

    /**
     * Hashes a file or a directory (symbolic links followed).
     *
     * @throws NoSuchFileException when the path does not exist
     * @throws IOException         also for a path that is neither a file nor a directory
     */
    public HashInfo hash(Path path, HashName name) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        if (a.isDirectory()) return hashDir(path, name);
        if (a.isRegularFile()) return hashFile(path, name);
        throw new IOException("'" + path + "' is not a file or directory");
    }

    /** Hashes one file: MD5, size, execute bit. */
    public HashInfo hashFile(Path file, HashName name) throws IOException {
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class);
        return HashInfo.file(files.md5(file, name, a), a.size(), isExec(a.permissions()));
    }

    /**
     * Hashes a directory: manifest, its {@code .dir} hash, total size and number of files. The files the
     * {@link FileHasher} does not know already are read, on several threads when there are enough of them.
     */
    public HashInfo hashDir(Path dir, HashName name) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        Listing l = new Listing();
        collect(abs, "", l);
        int n = l.rels.size();
        String[] md5s = new String[n];
        int[] unknown = new int[n];
        int m = 0;
        long size = 0;
        long unknownBytes = 0;
        for (int i = 0; i < n; i++) {
            BasicFileAttributes a = l.attrs.get(i);
            size += a.size();
            String md5 = files.known(l.paths.get(i), name, a);
            if (md5 != null) {
                md5s[i] = md5;
            } else {
                unknown[m++] = i;
                unknownBytes += a.size();
            }
        }
        if (m > 1 && (m >= PARALLEL_FILES || unknownBytes >= PARALLEL_BYTES)) {
            Parallel.run(m, new HashTask(files, name, l, unknown, md5s));
        } else {
            for (int k = 0; k < m; k++) {
                int i = unknown[k];
                md5s[i] = files.md5(l.paths.get(i), name, l.attrs.get(i));
            }
        }
        List<HashInfo.Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) entries.add(new HashInfo.Entry(l.rels.get(i), md5s[i]));
        String known = files.knownManifest(abs, entries);
        if (known != null) return HashInfo.directory(entries, size, known);
        HashInfo h = HashInfo.directory(entries, size);
        files.recordManifest(abs, entries, h.md5());
        return h;
    }

    /**
     * Below these (files to read, and their bytes), a directory's files are read on the calling thread alone; at
     * or above either, on all cores.
     */
    static final int PARALLEL_FILES = 32;
    static final long PARALLEL_BYTES = 8L << 20;

    /** Hashes the {@code k}-th unknown file into its slot. */
    private static final class HashTask implements Parallel.Task {
        private final FileHasher files;
        private final HashName name;
        private final Listing l;
        private final int[] unknown;
        private final String[] out;

        HashTask(FileHasher files, HashName name, Listing l, int[] unknown, String[] out) {
            this.files = files;
            this.name = name;
            this.l = l;
            this.unknown = unknown;
            this.out = out;
        }

        @Override
        public void run(int k) throws IOException {
            int i = unknown[k];
            out[i] = files.md5(l.paths.get(i), name, l.attrs.get(i));
        }
    }

    /** The files of a directory in DVC's manifest order: relative posix paths, absolute paths, attributes. */
    private static final class Listing {
        final List<String> rels = new ArrayList<>();
        final List<Path> paths = new ArrayList<>();
        final List<BasicFileAttributes> attrs = new ArrayList<>();
    }

    /**
     * An entry of a folder being walked: its name and sort key (a folder's name with a '/' after it), path and
     * attributes (a symbolic link's target's), whether it is a folder (a link to one too), whether it is a folder
     * walked into (not a link), and whether it is a symbolic link to nothing.
     */
    private static final class Child {
        final String name;
        final String key;
        final Path path;
        final BasicFileAttributes attrs;
        final boolean dir;
        final boolean enter;
        final boolean dangling;

        Child(String name, Path path, BasicFileAttributes attrs, boolean dir, boolean enter, boolean dangling) {
            this.name = name;
            this.key = dir ? name + "/" : name;
            this.path = path;
            this.attrs = attrs;
            this.dir = dir;
            this.enter = enter;
            this.dangling = dangling;
        }
    }

    /**
     * A folder's entries in code-point order of their names, each folder's name followed by '/': walking them in
     * this order, depth first, lists the files in DVC's order of their relative paths (which compares the whole
     * paths), one folder's names at a time rather than all the paths at once.
     */
    private static final Comparator<Child> BY_KEY = new Comparator<>() {
        @Override
        public int compare(Child x, Child y) {
            return PyStrings.compare(x.key, y.key);
        }
    };

    /**
     * The files of a directory as DVC walks it ({@code os.walk} under its ignore filter), in manifest order.
     */
    private void collect(Path dir, String prefix, Listing out) throws IOException {
        List<Child> children = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        boolean sawIgnoreFile = false;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path c : ds) {
                BasicFileAttributes own = lstat(ds, c);
                BasicFileAttributes target = own;
                boolean dangling = false;
                if (own.isSymbolicLink()) {
                    try {
                        target = Files.readAttributes(c, BasicFileAttributes.class);
                    } catch (IOException e) {
                        dangling = true;
                    }
                }
                boolean isDir = own.isDirectory() || (own.isSymbolicLink() && !dangling && target.isDirectory());
                String fname = FileNames.of(c);
                if (isDir) folders.add(fname);
                children.add(new Child(fname, c, target, isDir, own.isDirectory(), dangling));
            }
        }
        // the ignore rules of this folder, told its sub-folders by the listing (its sub-repositories are among them)
        DvcIgnore.Folder rules = ignore == null ? null : ignore.folder(dir, folders);
        List<Child> kept = new ArrayList<>(children.size());
        for (Child c : children) {
            if (rules != null && rules.isIgnored(c.name, c.dir)) continue;
            if (c.dir) {
                // os.walk does not enter symbolic links to directories
                if (c.enter) kept.add(c);
                continue;
            }
            if (c.dangling) throw new NoSuchFileException(c.path.toString());
            if (c.name.equals(DvcIgnore.FILE)) sawIgnoreFile = true;
            kept.add(c);
        }
        children = kept;
        if (sawIgnoreFile) throw new IgnoreInCollectedDirException(dir.toString());
        children.sort(BY_KEY);
        for (Child c : children) {
            if (c.dir) {
                collect(c.path, prefix + c.key, out);
            } else {
                out.rels.add(prefix + c.key);
                out.paths.add(c.path);
                out.attrs.add(c.attrs);
            }
        }
    }

    /**
     * The attributes of an entry of a directory being listed, symbolic links not followed: through the open directory
     * when the platform allows it ({@code fstatat} on Linux, which spares the kernel walking the whole path again).
     */
    private static BasicFileAttributes lstat(DirectoryStream<Path> ds, Path entry) throws IOException {
        if (ds instanceof SecureDirectoryStream<Path> sds) {
            return sds.getFileAttributeView(entry.getFileName(), BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
        }
        return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    static boolean isExec(Set<PosixFilePermission> perms) {
        return perms.contains(PosixFilePermission.OWNER_EXECUTE) || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
    }
}
