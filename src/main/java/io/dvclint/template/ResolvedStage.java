package io.dvclint.template;

import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import java.util.Set;

/**
 * One stage after templating, in DVC's generation order. {@code name} is {@code train} or {@code group@key};
 * {@code group} the foreach/matrix definition name (null for plain stages); {@code namePos} the position of the
 * definition's name under {@code stages:}; {@code def} the resolved definition ({@code foreach}/{@code do}/
 * {@code matrix}/{@code vars} removed) whose nodes keep the positions of the template nodes they come from;
 * {@code used} the context values its {@code ${...}} (and its group's foreach/matrix data) read; {@code retyped}
 * whether a whole-value {@code ${...}} put a non-string value (number, bool, null, list, dict) into it — only then
 * can the resolved definition break the schema the raw one passed.
 */
public record ResolvedStage(String name, String group, Pos namePos, YMap def, Set<UsedVar> used, boolean retyped) {
}
