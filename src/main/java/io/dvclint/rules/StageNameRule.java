package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.Stage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code stage-name}: stage names DVC cannot address, or that {@code dvc stage add} would reject. */
public final class StageNameRule extends Rule {
    /** Python's {@code string.punctuation} minus {@code _} and {@code -}: DVC's INVALID_STAGENAME_CHARS. */
    static final String INVALID = "!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~";

    @Override
    public String id() {
        return "stage-name";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "Stage name DVC cannot address (`@`, `:`, `/`, `\\`) or with punctuation `dvc stage add` rejects";
    }

    @Override
    public void check(RuleContext ctx) {
        Set<List<Object>> seen = new HashSet<>();
        for (Stage s : ctx.project().stages()) {
            boolean generated = s.group() != null;
            String name = generated ? s.group() : s.name();
            if (!seen.add(List.of(s.file().path(), s.pos(), name))) continue; // one report per foreach/matrix
            String what = generated ? "foreach/matrix name '" + name + "'" : "stage name '" + name + "'";
            if (!generated && name.contains("@")) {
                ctx.report(Severity.ERROR, s.file().path(), s.pos(), what + " contains '@': DVC splits it into the "
                        + "generated stage '" + name.substring(name.lastIndexOf('@') + 1) + "' of a group '"
                        + name.substring(0, name.lastIndexOf('@')) + "' and fails to find it",
                        "rename it without '@' (e.g. '" + name.replace('@', '-') + "')", List.of());
                continue;
            }
            String bad = firstOf(name, ":/\\");
            if (bad != null) {
                ctx.report(Severity.ERROR, s.file().path(), s.pos(), what + " contains '" + bad + "': DVC cannot "
                        + "address it as a target (`dvc repro " + name + "` is read as a file path)",
                        "rename it using only letters, digits, '_' and '-'", List.of());
                continue;
            }
            String punct = firstOf(name, generated ? INVALID.replace("@", "") : INVALID);
            if (punct != null) {
                ctx.report(Severity.WARNING, s.file().path(), s.pos(), what
                        + ": Stage name cannot contain punctuation characters. ('" + punct + "'; `dvc stage add` "
                        + "rejects such names)", "use only letters, digits, '_' and '-'", List.of());
            }
        }
    }

    private static String firstOf(String name, String chars) {
        for (int i = 0; i < name.length(); i++) {
            if (chars.indexOf(name.charAt(i)) >= 0) return String.valueOf(name.charAt(i));
        }
        return null;
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                DVC does not validate stage names when it loads `dvc.yaml`, but some names break it later:

                - **error** — a plain stage name containing `@`: DVC reads `a@b` as the stage generated for key
                  `b` of a `foreach`/`matrix` group `a` (`split_group_name`), finds no such group and fails to
                  load the stage — `dvc repro` and `dvc status` fail for the whole file.
                - **error** — a name containing `:`, `/` or `\\`: targets are parsed as `path:name`
                  (`TARGET_REGEX`), so `dvc repro a:b` looks for stage `b` in file `a`, and names with `/` are
                  read as file paths: the stage cannot be run on its own.
                - **warning** — any other ASCII punctuation except `_` and `-` (for example `.` or `+`): loading
                  works, but `dvc stage add` rejects such names with "Stage name cannot contain punctuation
                  characters." and tools following DVC's rules may too.

                For `foreach`/`matrix` stages the group name is checked (generated names contain `@` by design;
                the generated key part is not checked).

                ## Example

                ```yaml
                stages:
                  train@v2:
                    cmd: python train.py
                  eval:latest:
                    cmd: python eval.py
                ```

                Fixed:

                ```yaml
                stages:
                  train-v2:
                    cmd: python train.py
                  eval-latest:
                    cmd: python eval.py
                ```

                Renaming a stage makes DVC treat it as new (its `dvc.lock` entry is keyed by name), so it reruns
                once; no automatic fix is offered.
                """;
    }
}
