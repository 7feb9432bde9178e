package io.dvclint.export;

import java.util.List;

/**
 * How an export runs the stages.
 *
 * @param data       how outputs travel from one task to the next
 * @param claim      {@link Data#VOLUME}: the ReadWriteMany PersistentVolumeClaim holding the workspace
 * @param remote     {@link Data#REMOTE}: the DVC remote tasks pull from and push to
 * @param image      the container image (dvclint, git, and DVC for the remote mode), or null: a parameter to set
 *                   when the workflow is submitted (Argo), or BashOperator tasks (Airflow)
 * @param repo       the git repository to check out, or null (a parameter without default in the remote mode)
 * @param revision   the revision to check out, or null (a parameter without default where a repository is used)
 * @param projectDir the project's folder inside the repository ({@code .} at its top)
 * @param secrets    Kubernetes secrets whose keys become environment variables of every task (remote and git
 *                   credentials)
 * @param name       the workflow's or DAG's name, or null: from the project folder
 * @param template   Argo: a WorkflowTemplate rather than a Workflow
 * @param workdir    {@link Data#WORKSPACE}: the project folder as the Airflow workers see it
 */
public record ExportOptions(Data data, String claim, String remote, String image, String repo, String revision,
                            String projectDir, List<String> secrets, String name, boolean template, String workdir) {
    /** How data moves between tasks. */
    public enum Data {
        /** Every task runs in one folder that all workers see (Airflow BashOperator). */
        WORKSPACE,
        /** Every task mounts one ReadWriteMany volume holding the workspace. */
        VOLUME,
        /** Every task checks out the revision, pulls what it reads from a DVC remote and pushes what it writes. */
        REMOTE
    }

    public ExportOptions {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        projectDir = projectDir == null || projectDir.isEmpty() ? "." : projectDir;
    }
}
