package io.dvclint.export;

/**
 * The POSIX shell scripts the exported tasks run, the same for every engine. A script takes everything that varies
 * from environment variables (never from its own text), so no stage address, path or URL is ever parsed by a
 * shell or by an engine's template language; the scripts hold no {@code {{}}, {@code {%} or {@code {#}, which
 * Argo or Airflow's Jinja would read.
 *
 * <p>Environment: {@value #STAGE} (the DVC address), {@value #PULL} (paths to pull, one a line),
 * {@value #REPO}, {@value #REVISION}, {@value #PROJECT_DIR} (the project inside the repository), {@value #REMOTE},
 * {@value #WORKDIR} (the shared project folder), {@value #STAGES} (the stages in the order a serial
 * {@code dvclint repro} runs them, one a line), {@value #LOCK_BRANCH} and {@value #RUN} (the lock merge).
 */
public final class TaskScripts {
    public static final String STAGE = "DVC_STAGE";
    public static final String PULL = "DVCLINT_PULL";
    public static final String REPO = "DVCLINT_REPO";
    public static final String REVISION = "DVCLINT_REVISION";
    public static final String PROJECT_DIR = "DVCLINT_PROJECT_DIR";
    public static final String REMOTE = "DVCLINT_REMOTE";
    public static final String WORKDIR = "DVCLINT_WORKDIR";
    public static final String LOCK_BRANCH = "DVCLINT_LOCK_BRANCH";
    public static final String RUN = "DVCLINT_RUN";
    public static final String STAGES = "DVCLINT_STAGES";

    /** Where the shared volume is mounted. */
    public static final String WORKSPACE = "/workspace";
    /**
     * Scratch space of a remote-mode task in a pod: a node-local empty volume mounted here and made the task's
     * {@code TMPDIR}, under which it checks out the repository.
     */
    public static final String SCRATCH = "/work";
    /** The lock entry a remote-mode stage task hands on (one line of JSON, written by {@code dvclint lock entry}). */
    public static final String LOCK_ENTRY = "/tmp/dvclint/lock-entry.json";
    /** The lock entries the merge task reads, one a line. */
    public static final String LOCK_ENTRIES = "/tmp/dvclint/lock-entries.jsonl";
    /** The change the merge made to the dvc.lock files, as a git patch. */
    public static final String LOCK_PATCH = "/tmp/dvclint/dvc-lock.patch";

    private TaskScripts() {
    }

    /** Shared volume: bring the workspace at the volume's root to the revision (ignored outputs stay). */
    public static String checkout() {
        return """
                set -eu
                : "${DVCLINT_REPO:?set the parameter repo}" "${DVCLINT_REVISION:?set the parameter revision}"
                cd /workspace
                if [ ! -d .git ]; then git init --quiet .; fi
                git fetch --quiet "$DVCLINT_REPO" "$DVCLINT_REVISION"
                git checkout --quiet --force FETCH_HEAD
                echo "workspace at $(git rev-parse HEAD)"
                """;
    }

    /** Shared folder or volume: run the stage in the workspace ({@code base} is the folder holding the project). */
    public static String stageInWorkspace() {
        return "set -eu\ncd \"/workspace/$DVCLINT_PROJECT_DIR\"\nexec dvclint repro -s \"$DVC_STAGE\"\n";
    }

    /** The shared folder of Airflow workers: {@value #WORKDIR} is the project itself. */
    public static String stageInWorkdir() {
        return "set -eu\ncd \"$DVCLINT_WORKDIR\"\nexec dvclint repro -s \"$DVC_STAGE\"\n";
    }

    /** Shared volume, before the stages: record the entries each dvc.lock holds at the run's start. */
    public static String lockBeginInWorkspace() {
        return "set -eu\ncd \"/workspace/$DVCLINT_PROJECT_DIR\"\nexec dvclint lock begin\n";
    }

    /** Shared folder of Airflow workers, before the stages: record the entries each dvc.lock holds. */
    public static String lockBeginInWorkdir() {
        return "set -eu\ncd \"$DVCLINT_WORKDIR\"\nexec dvclint lock begin\n";
    }

    /**
     * Shared volume or folder, after the stages, run in the project folder: the entries new in this run follow the
     * others in the order of {@value #STAGES}, as a serial {@code dvclint repro} leaves them.
     */
    public static String lockFinish() {
        return "set -eu\n" + LOCK_FINISH;
    }

    /** {@link #lockFinish} on the shared volume. */
    public static String lockFinishInWorkspace() {
        return "set -eu\ncd \"/workspace/$DVCLINT_PROJECT_DIR\"\n" + LOCK_FINISH;
    }

    /** {@link #lockFinish} in the shared folder of Airflow workers. */
    public static String lockFinishInWorkdir() {
        return "set -eu\ncd \"$DVCLINT_WORKDIR\"\n" + LOCK_FINISH;
    }

    private static final String LOCK_FINISH = """
            # the stages in the order a serial dvclint repro runs them
            set --
            while IFS= read -r stage; do
              if [ -n "$stage" ]; then set -- "$@" "$stage"; fi
            done <<EOF
            $DVCLINT_STAGES
            EOF
            exec dvclint lock finish -- "$@"
            """;

    /**
     * DVC remote: check out, pull what the stage reads and what it wrote before, run it as {@code repro} would,
     * push what it wrote, and write its dvc.lock entry to {@code entryFile} ({@code -} for the last line of
     * standard output, which Airflow's BashOperator hands on).
     */
    public static String stageWithRemote(String entryFile) {
        return stageWithRemote(entryFile, false);
    }

    /**
     * {@link #stageWithRemote(String)}; {@code quoted}: the entry file holds the line as a JSON string, which an
     * Airflow pod's XCom file must (Airflow reads that file as JSON, and its {@code tojson} would write the entry
     * again with sorted keys, losing the order of mappings in parameter values).
     */
    public static String stageWithRemote(String entryFile, boolean quoted) {
        String entry = entryFile.equals("-") ? "dvclint lock entry \"$DVC_STAGE\"\n"
                : "mkdir -p " + entryFile.substring(0, entryFile.lastIndexOf('/'))
                        + "\ndvclint lock entry \"$DVC_STAGE\" " + (quoted ? "--quoted " : "") + "-o " + entryFile
                        + "\n";
        return checkoutRevision() + """
                # the outputs of the stages (and .dvc data) this stage reads
                set --
                while IFS= read -r path; do
                  if [ -n "$path" ]; then set -- "$@" "$path"; fi
                done <<EOF
                $DVCLINT_PULL
                EOF
                if [ "$#" -gt 0 ]; then dvc pull --remote "$DVCLINT_REMOTE" -- "$@" >&2; fi
                # what it wrote last time, when the remote has it: an unchanged stage then does not run again
                dvc pull --remote "$DVCLINT_REMOTE" -- "$DVC_STAGE" >&2 \\
                  || echo "dvclint: not every output of $DVC_STAGE is in the remote; repro decides" >&2
                dvclint repro -s "$DVC_STAGE" >&2
                dvc push --remote "$DVCLINT_REMOTE" -- "$DVC_STAGE" >&2
                """ + entry;
    }

    /**
     * DVC remote, after every stage task: check out, merge the stages' lock entries ({@value #LOCK_ENTRIES}, or for
     * {@code entriesFromEnv} the variables {@code DVCLINT_LOCK_ENTRY_0..n-1}) into the dvc.lock files in DVC's byte
     * form, write the change as a patch, and when {@value #LOCK_BRANCH} is set commit it there.
     */
    public static String mergeLocks(boolean entriesFromEnv) {
        String entries = !entriesFromEnv ? "" : """
                mkdir -p /tmp/dvclint
                : > /tmp/dvclint/lock-entries.jsonl
                i=0
                while [ "$i" -lt "$DVCLINT_LOCK_ENTRY_COUNT" ]; do
                  printenv "DVCLINT_LOCK_ENTRY_$i" >> /tmp/dvclint/lock-entries.jsonl || true
                  i=$((i + 1))
                done
                """;
        return checkoutRevision() + entries + """
                dvclint lock merge /tmp/dvclint/lock-entries.jsonl
                git add --all .
                mkdir -p /tmp/dvclint
                git --no-pager diff --cached > /tmp/dvclint/dvc-lock.patch
                cat /tmp/dvclint/dvc-lock.patch
                if [ -n "$DVCLINT_LOCK_BRANCH" ] && ! git diff --cached --quiet; then
                  git -c user.name="${GIT_AUTHOR_NAME:-dvclint}" -c user.email="${GIT_AUTHOR_EMAIL:-dvclint@localhost}" \\
                    commit --quiet -m "Update dvc.lock ($DVCLINT_RUN)"
                  git push --quiet "$DVCLINT_REPO" "HEAD:refs/heads/$DVCLINT_LOCK_BRANCH"
                fi
                """;
    }

    private static String checkoutRevision() {
        return """
                set -eu
                : "${DVCLINT_REPO:?set the parameter repo}" "${DVCLINT_REVISION:?set the parameter revision}"
                checkout="$(mktemp -d "${TMPDIR:-/tmp}/dvclint.XXXXXX")"
                trap 'rm -rf "$checkout"' EXIT
                cd "$checkout"
                git init --quiet .
                git fetch --quiet --depth 1 "$DVCLINT_REPO" "$DVCLINT_REVISION"
                git checkout --quiet FETCH_HEAD
                cd "$DVCLINT_PROJECT_DIR"
                """;
    }
}
