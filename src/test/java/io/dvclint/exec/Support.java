package io.dvclint.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Test helpers for the executor: the shared DVC reference folder and external programs. */
final class Support {
    private Support() {
    }

    /** The shared reference folder ({@code ../shared} unless {@code dvclint.shared} says otherwise). */
    static Path shared() {
        return Path.of(System.getProperty("dvclint.shared", "../shared")).toAbsolutePath().normalize();
    }

    /** A folder of the shared reference material; the test is skipped when it is absent (a fresh clone). */
    static Path requireShared(String sub) {
        Path p = shared().resolve(sub);
        Assumptions.assumeTrue(Files.isDirectory(p), "shared reference folder not present: " + p);
        return p;
    }

    /** The real-world repro cases ({@code shared/realworld/NNNN}), sorted. */
    static List<Path> realworldCases() {
        Path root = requireShared("realworld");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (Files.isRegularFile(p.resolve("stages.json"))) out.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every file under {@code root} whose name ends with {@code suffix}, sorted. */
    static List<Path> find(Path root, String suffix) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)) out.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** True when the command runs and exits 0. */
    static boolean canRun(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
