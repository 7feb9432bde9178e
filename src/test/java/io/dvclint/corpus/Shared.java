package io.dvclint.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Access to the shared DVC reference material ({@code ../shared}): the real-world corpus and the oracle scenarios.
 * Tests over it are skipped only when the folder is absent (a fresh clone); CI has it.
 */
final class Shared {
    private Shared() {
    }

    static Path root() {
        String p = System.getProperty("dvclint.shared", "../shared");
        return Path.of(p).toAbsolutePath().normalize();
    }

    static Path require(String sub) {
        Path p = root().resolve(sub);
        Assumptions.assumeTrue(Files.isDirectory(p), "shared reference folder not present: " + p);
        return p;
    }

    static List<Path> corpusCases() {
        Path corpus = require("corpus/real-world");
        try (Stream<Path> s = Files.list(corpus)) {
            return s.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("dvc.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder tree (the corpus is read-only; some tests write). */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else {
                    Files.copy(p, t);
                    t.toFile().setWritable(true);
                    if (Files.isExecutable(p)) t.toFile().setExecutable(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
