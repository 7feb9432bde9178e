package io.dvclint.template;

import io.dvclint.yaml.Pos;

/**
 * A templating error (or, with {@code warning}, a DVC warning) in a dvc.yaml, positioned at the {@code ${...}} it
 * comes from when there is one. {@code stage} is the (generated) stage name the problem belongs to, the group name for
 * problems of a whole foreach/matrix group, or null for file-level problems ({@code vars}, top-level sections).
 */
public record TemplateProblem(Pos pos, String message, String stage, boolean warning) {
    public TemplateProblem(Pos pos, String message, String stage) {
        this(pos, message, stage, false);
    }
}
