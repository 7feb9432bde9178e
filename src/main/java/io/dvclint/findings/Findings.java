package io.dvclint.findings;

import io.dvclint.yaml.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Collects the findings of one run, plus the text of every file they may point into (for excerpts and fixes). */
public final class Findings {
    private final List<Finding> list = new ArrayList<>();
    private final Map<Path, SourceText> sources = new HashMap<>();

    public void add(Finding f) {
        list.add(f);
    }

    public void addAll(List<Finding> fs) {
        list.addAll(fs);
    }

    public void source(Path file, SourceText text) {
        if (text != null) sources.put(file, text);
    }

    public SourceText sourceOf(Path file) {
        return sources.get(file);
    }

    public Map<Path, SourceText> sources() {
        return sources;
    }

    /** The findings in the order they were added (the live list: the rule engine filters it in place). */
    public List<Finding> all() {
        return list;
    }

    /** Findings ordered by file, line, column, rule id. */
    public List<Finding> sorted() {
        List<Finding> s = new ArrayList<>(list);
        s.sort(ORDER);
        return s;
    }

    /**
     * File, position, rule id, message. A named class: {@code Comparator.comparing} builds serializable lambdas,
     * which the class-data-sharing archive cannot hold, so each run would generate their classes at start-up.
     */
    private static final Comparator<Finding> ORDER = new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
            int c = a.file().toString().compareTo(b.file().toString());
            if (c == 0) c = a.pos().compareTo(b.pos());
            if (c == 0) c = a.ruleId().compareTo(b.ruleId());
            if (c == 0) c = a.message().compareTo(b.message());
            return c;
        }
    };

    public void retain(Predicate<Finding> keep) {
        list.removeIf(keep.negate());
    }
}
