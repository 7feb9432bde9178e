package io.dvclint.exec.run;

import java.util.function.Predicate;

/**
 * The options of {@code repro} that change how stages are reproduced (DVC 3.64's flags of the same names).
 *
 * @param force           run every stage of the plan, whatever its status ({@code -f})
 * @param forceDownstream once a stage ran, run everything downstream of it too
 * @param dry             only say what would run ({@code --dry})
 * @param keepGoing       on a failure, skip what depends on the failed stage and go on ({@code -k})
 * @param ignoreErrors    on a failure, go on with everything ({@code --ignore-errors})
 * @param allowMissing    missing data is no reason to run a stage
 * @param noCommit        do not put outputs into the cache (nor save run-cache entries)
 * @param noRunCache      do not look outputs up in the run-cache
 * @param interactive     ask before each stage
 * @param confirm         asks the question and answers it (for {@code -i})
 */
public record ReproOptions(boolean force, boolean forceDownstream, boolean dry, boolean keepGoing,
                           boolean ignoreErrors, boolean allowMissing, boolean noCommit, boolean noRunCache,
                           boolean interactive, Predicate<String> confirm) {
    boolean confirm(String question) {
        return confirm != null && confirm.test(question);
    }
}
