package io.dvclint.model;

import io.dvclint.template.TemplateResolver;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One dvc.yaml of a project, as loaded: its text, its raw (un-templated) tree, the stages resolved from it and
 * its dvc.lock.
 */
public final class DvcFile {
    private final Path path;
    private final String relPath;
    private final SourceText text;
    private final YMap root;
    private final boolean valid;
    private final List<Stage> stages = new ArrayList<>();
    private LockFile lock;
    private TemplateResolver.Result templating;

    /**
     * @param path    absolute path
     * @param relPath POSIX path relative to the project root
     * @param text    decoded text, or null if the file could not be decoded
     * @param root    the raw mapping, or null if the file did not load
     * @param valid   whether it loaded and passed the schema (DVC would accept it)
     */
    public DvcFile(Path path, String relPath, SourceText text, YMap root, boolean valid) {
        this.path = path;
        this.relPath = relPath;
        this.text = text;
        this.root = root;
        this.valid = valid;
    }

    public Path path() {
        return path;
    }

    public Path dir() {
        return path.getParent();
    }

    public String relPath() {
        return relPath;
    }

    public SourceText text() {
        return text;
    }

    public YMap root() {
        return root;
    }

    public boolean valid() {
        return valid;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** What templating resolved (stages, used variables, top-level sections), or null if it did not run. */
    public TemplateResolver.Result templating() {
        return templating;
    }

    public void setTemplating(TemplateResolver.Result templating) {
        this.templating = templating;
    }

    public LockFile lock() {
        return lock;
    }

    public void setLock(LockFile lock) {
        this.lock = lock;
    }

    @Override
    public String toString() {
        return relPath;
    }
}
