package io.dvclint.exec.stage;

import io.dvclint.model.ParamDep;
import java.util.Map;

/**
 * A params dependency (one params file of a stage) and the values dvc.lock recorded for it: only the declared keys
 * present there, or all of them for a wholly tracked file; null when the lock has no values for the file.
 */
public record ParamItem(ParamDep dep, Map<String, Object> locked) {
}
