package io.dvclint.exec.hash;

import java.io.IOException;

/** dvc-data's {@code IgnoreInCollectedDirError}: a {@code .dvcignore} file inside a directory being hashed. */
public final class IgnoreInCollectedDirException extends IOException {
    public IgnoreInCollectedDirException(String dir) {
        super(".dvcignore file should not be in collected dir path: '" + dir + "'");
    }
}
