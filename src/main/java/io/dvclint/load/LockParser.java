package io.dvclint.load;

import io.dvclint.model.LockEntry;
import io.dvclint.model.LockStage;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the stages of a schema-valid dvc.lock (schema 2.0) into the model. */
public final class LockParser {
    private LockParser() {
    }

    public static Map<String, LockStage> stages(YNode root) {
        Map<String, LockStage> out = new LinkedHashMap<>();
        if (!(root instanceof YMap m) || !(m.get("stages") instanceof YMap stages)) return out;
        for (YMap.Entry e : stages.entries()) {
            if (!(e.value() instanceof YMap st)) continue;
            YNode cmd = st.get("cmd");
            Map<String, Map<String, Object>> params = new LinkedHashMap<>();
            if (st.get("params") instanceof YMap pm) {
                for (YMap.Entry pf : pm.entries()) {
                    Map<String, Object> vals = new LinkedHashMap<>();
                    if (pf.value() instanceof YMap kv) {
                        for (YMap.Entry k : kv.entries()) vals.put(k.name(), k.value().toJava());
                    }
                    params.put(pf.name(), vals);
                }
            }
            out.put(e.name(), new LockStage(e.name(), e.key().pos(), cmd == null ? null : cmd.toJava(),
                    entries(st.get("deps")), params, entries(st.get("outs")), st));
        }
        return out;
    }

    private static List<LockEntry> entries(YNode n) {
        List<LockEntry> out = new ArrayList<>();
        if (!(n instanceof YSeq seq)) return out;
        for (YNode item : seq.items()) {
            if (!(item instanceof YMap m)) continue;
            out.add(new LockEntry(str(m, "path"), str(m, "hash"), str(m, "md5"), num(m, "size"), num(m, "nfiles"),
                    m.get("isexec") instanceof YScalar s && s.value() instanceof Boolean b ? b : null, m.pos()));
        }
        return out;
    }

    private static String str(YMap m, String k) {
        return m.get(k) instanceof YScalar s && s.value() != null ? String.valueOf(s.value()) : null;
    }

    private static Long num(YMap m, String k) {
        return m.get(k) instanceof YScalar s && s.value() instanceof Long l ? l : null;
    }
}
