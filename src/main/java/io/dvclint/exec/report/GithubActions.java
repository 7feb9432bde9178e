package io.dvclint.exec.report;

import io.dvclint.exec.ExecProject;
import io.dvclint.exec.run.ReproListener;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.format.GithubFormatter;
import io.dvclint.graph.PipelineNode;
import io.dvclint.model.PathNames;
import io.dvclint.model.Stage;
import io.dvclint.yaml.Pos;
import java.io.PrintStream;

/**
 * {@code repro} inside GitHub Actions ({@code GITHUB_ACTIONS=true}): each stage that runs folds its output into a
 * {@code ::group::} of the job's log, and a failed stage becomes an {@code ::error} annotation at its {@code cmd}
 * in dvc.yaml.
 */
public final class GithubActions implements ReproListener {
    private final ExecProject project;
    private final PrintStream out;
    private boolean open;

    public GithubActions(ExecProject project, PrintStream out) {
        this.project = project;
        this.out = out;
    }

    @Override
    public void commandsStarting(String address) {
        out.println("::group::Stage '" + GithubFormatter.escapeData(address) + "'");
        out.flush();
        open = true;
    }

    @Override
    public void stageEnded(String address, Result result, String failure, long nanos) {
        if (open) {
            out.println("::endgroup::");
            open = false;
        }
        if (result == Result.FAILED) {
            Stage s = stage(address);
            StringBuilder sb = new StringBuilder("::error ");
            if (s != null) {
                Pos at = s.cmdPos() != null ? s.cmdPos() : s.pos();
                sb.append("file=").append(GithubFormatter.escapeProperty(PathNames.posix(
                        project.root().relativize(s.file().path())))).append(",line=").append(at.line())
                        .append(",col=").append(at.col()).append(',');
            }
            sb.append("title=").append(GithubFormatter.escapeProperty("dvclint repro: stage '" + address
                    + "' failed")).append("::").append(GithubFormatter.escapeData("failed to reproduce '" + address
                    + "': " + failure));
            out.println(sb);
        }
        out.flush();
    }

    private Stage stage(String address) {
        for (PipelineNode n : project.graph().nodes()) {
            TrackedStage t = project.stage(n);
            if (t != null && t.address().equals(address)) return t.stage();
        }
        return null;
    }
}
