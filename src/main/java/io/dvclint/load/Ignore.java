package io.dvclint.load;

import java.nio.file.Path;

/** What the walker must skip. Placeholder until .dvcignore matching lands: built-in patterns only. */
final class Ignore {
    private Ignore() {
    }

    static Ignore forRoot(Path root) {
        return new Ignore();
    }

    boolean isIgnored(Path p, boolean dir) {
        for (Path part : p) {
            String n = part.toString();
            if (n.equals(".git") || n.equals(".dvc") || n.equals(".hg")) return true;
        }
        return false;
    }
}
