package io.dvclint.rules;

import io.dvclint.findings.Suggest;
import java.util.Collection;

/** "Did you mean" suggestions for rule messages (see {@link Suggest}). */
public final class Similar {
    private Similar() {
    }

    public static String closest(String word, Collection<String> candidates) {
        return Suggest.closest(word, candidates);
    }

    public static String didYouMean(String word, Collection<String> candidates) {
        return Suggest.didYouMean(word, candidates);
    }
}
