import io.dvclint.discovery.DvcIgnore;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Md5;
import io.dvclint.exec.state.PathHashes;
import java.nio.file.Path;

/**
 * The timed part of bench/hash.sh, in a fresh JVM each time:
 * <pre>
 *   HashBench file FILE           MD5 of one file as dvclint computes it: prints seconds and the MD5
 *   HashBench dir PROJECT DIR     a directory hashed as status does (the project's hash state loaded from
 *                                 .dvc/tmp, the files it does not know read, the state written back): prints
 *                                 milliseconds, the number of files and the .dir hash
 * </pre>
 */
public class HashBench {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("file")) {
            Path f = Path.of(args[1]);
            long t = System.nanoTime();
            String md5 = Md5.INSTANCE.md5(f, HashName.MD5);
            System.out.printf("%.3f %s%n", (System.nanoTime() - t) / 1e9, md5);
        } else {
            Path root = Path.of(args[1]).toAbsolutePath();
            long t = System.nanoTime();
            PathHashes hashes = PathHashes.forProject(root, DvcIgnore.forRoot(root), null);
            HashInfo h = hashes.hash(root.resolve(args[2]), HashName.MD5);
            hashes.save();
            System.out.printf("%.1f %d %s%n", (System.nanoTime() - t) / 1e6, h.nfiles(), h.md5());
        }
    }
}
