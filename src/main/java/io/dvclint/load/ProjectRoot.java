package io.dvclint.load;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the root of the project a path belongs to. */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    /**
     * The nearest folder upward (from {@code start}, or its folder when it is a file) that holds {@code .dvc/};
     * else the git top level (nearest folder holding {@code .git}); else the starting folder itself.
     */
    public static Path find(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) dir = dir.getParent();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".dvc"))) return p;
        }
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) return p;
        }
        return dir;
    }
}
