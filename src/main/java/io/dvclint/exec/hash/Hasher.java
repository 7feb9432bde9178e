package io.dvclint.exec.hash;

import io.dvclint.discovery.DvcIgnore;
import io.dvclint.py.PyStrings;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * <p>Every file's MD5 comes from the {@link FileHasher} given, so a hash cache or parallel hashing can be added
 * there.
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
        return HashInfo.file(files.md5(file, name), a.size(), isExec(a.permissions()));
    }

    /** Hashes a directory: manifest, its {@code .dir} hash, total size and number of files. */
    public HashInfo hashDir(Path dir, HashName name) throws IOException {
        List<String> rels = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        collect(dir, rels, paths);
        List<HashInfo.Entry> entries = new ArrayList<>(rels.size());
        long size = 0;
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            size += Files.size(p);
            entries.add(new HashInfo.Entry(rels.get(i), files.md5(p, name)));
        }
        entries.sort((x, y) -> PyStrings.compare(x.relpath(), y.relpath()));
        return HashInfo.directory(entries, size);
    }

    /** The files of a directory as DVC walks it: relative posix paths and absolute paths, in walk order. */
    private void collect(Path top, List<String> rels, List<Path> paths) throws IOException {
        Path abs = top.toAbsolutePath().normalize();
        Deque<Path> dirs = new ArrayDeque<>();
        Deque<String> prefixes = new ArrayDeque<>();
        dirs.push(abs);
        prefixes.push("");
        while (!dirs.isEmpty()) {
            Path d = dirs.pop();
            String prefix = prefixes.pop();
            boolean sawIgnoreFile = false;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
                for (Path c : ds) {
                    String fname = c.getFileName().toString();
                    BasicFileAttributes own = Files.readAttributes(c, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    boolean isDir = own.isDirectory() || (own.isSymbolicLink() && Files.isDirectory(c));
                    if (ignore != null && ignore.isIgnored(c, isDir)) continue;
                    if (isDir) {
                        // os.walk does not enter symbolic links to directories
                        if (own.isDirectory()) {
                            dirs.push(c);
                            prefixes.push(prefix + fname + "/");
                        }
                        continue;
                    }
                    if (own.isSymbolicLink() && !Files.exists(c)) {
                        throw new NoSuchFileException(c.toString());
                    }
                    if (fname.equals(DvcIgnore.FILE)) sawIgnoreFile = true;
                    rels.add(prefix + fname);
                    paths.add(c);
                }
            }
            if (sawIgnoreFile) throw new IgnoreInCollectedDirException(d.toString());
        }
    }

    static boolean isExec(Set<PosixFilePermission> perms) {
        return perms.contains(PosixFilePermission.OWNER_EXECUTE) || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
    }
}
