package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.Stage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code stage-name}: stage names DVC cannot address, or that {@code dvc stage add} would reject. */
public final class StageNameRule extends Rule {
    public StageNameRule() {
        super("stage-name", Severity.ERROR,
                "Stage name DVC cannot address (`@`, `:`, `/`, `\\`) or with punctuation `dvc stage add` rejects");
    }

    /** Python's {@code string.punctuation} minus {@code _} and {@code -}: DVC's INVALID_STAGENAME_CHARS. */
    static final String INVALID = "!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~";

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
}
