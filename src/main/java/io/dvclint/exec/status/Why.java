package io.dvclint.exec.status;

import io.dvclint.exec.cache.ObjectCache;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.state.PathHashes;
import io.dvclint.exec.stage.PathItem;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.model.Commands;
import io.dvclint.model.ParamKey;
import io.dvclint.model.PathNames;
import io.dvclint.params.ParamsFiles;
import io.dvclint.py.PyFormat;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code status --why}: each change explained where it is and what it was — a params key with its position in the
 * params file, the locked and current values and where the stage declares it; a directory with the files that
 * changed, were added or were removed (when the locked manifest is in the cache); the command's first difference;
 * and, for a stage that is itself up to date, the upstream stage that will run before it.
 */
public final class Why {
    private final Path cwd;
    private final PathHashes hashes;
    private final ObjectCache cache;

    public Why(Path cwd, PathHashes hashes, ObjectCache cache) {
        this.cwd = cwd;
        this.hashes = hashes;
        this.cache = cache;
    }

    /** One explained change: a sentence, and the same as plain values for JSON. */
    public record Reason(String text, Map<String, Object> json) {
    }

    public Reason explain(TrackedStage s, Change c) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("kind", c.kind().name().toLowerCase().replace('_', '-'));
        if (c.path() != null) j.put("path", c.path());
        j.put("state", c.state());
        String text;
        switch (c.kind()) {
            case PARAM -> {
                j.put("key", c.key());
                String at = c.path();
                Pos pos = valuePos(c);
                if (pos != null) at += ":" + pos.line() + ":" + pos.col();
                j.put("at", at);
                Pos declared = declaredPos(c);
                String declaredAt = declared == null ? null : rel(s.stage().file().path()) + ":" + declared;
                if (declaredAt != null) j.put("declared", declaredAt);
                String values = switch (c.state()) {
                    case "modified" -> {
                        j.put("before", c.before());
                        j.put("after", c.after());
                        yield PyFormat.repr(c.before()) + " -> " + PyFormat.repr(c.after());
                    }
                    case "new" -> {
                        j.put("after", c.after());
                        yield "new (not in dvc.lock), now " + PyFormat.repr(c.after());
                    }
                    default -> "deleted from " + c.path();
                };
                text = at + " " + c.key() + " " + values + (declaredAt == null ? "" : " (declared at " + declaredAt
                        + ")");
            }
            case PARAMS_FILE -> text = c.path() + (c.state().equals("deleted") ? " deleted"
                    : " is new: dvc.lock has no values of it");
            case DEP, OUT -> text = pathText(s, c, j);
            case COMMAND -> {
                if (s.isDataSource()) {
                    text = "changed checksum: " + rel(s.source().path()) + " records a stage md5 (DVC 2), which DVC 3 "
                            + "no longer keeps for data";
                    break;
                }
                String d = Commands.difference(s.lock().cmd(), s.stage().cmd());
                j.put("detail", d);
                text = "changed command (" + d + ")";
            }
            default -> text = s.isCallback() ? "always changed: no deps and no outs, it runs on every repro"
                    : "always changed: always_changed: true";
        }
        return new Reason(text, j);
    }

    /** Why a stage that is itself up to date is not: upstream stages that will run. */
    public Reason upstream(List<String> stages) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("kind", "upstream");
        j.put("stages", stages);
        StringBuilder sb = new StringBuilder();
        for (String n : stages) sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(n).append('\'');
        return new Reason("upstream " + sb + " will run", j);
    }

    private String pathText(TrackedStage s, Change c, Map<String, Object> j) {
        PathItem p = c.item();
        String what = p.isOut() ? "output " : "";
        String record = s.isDataSource() ? rel(s.source().path()) : "dvc.lock";
        if (!c.state().equals("modified")) {
            String tail = c.state().equals("not in cache") ? " (" + record + " records " + p.lockedMd5()
                    + ", not in .dvc/cache)" : "";
            return what + c.path() + " " + c.state() + tail;
        }
        if (p.lockedMd5() == null) return what + c.path() + " modified (not in " + record + " yet)";
        String detail = dirDetail(p);
        if (detail != null) j.put("detail", detail);
        return what + c.path() + " modified" + (detail == null ? "" : " (" + detail + ")");
    }

    /** For a directory whose locked manifest is in the cache: how many files changed, were added, were removed. */
    private String dirDetail(PathItem p) {
        if (!p.lockedMd5().endsWith(HashInfo.DIR_SUFFIX)) return null;
        try {
            HashInfo now = hashes.hash(p.abs(), p.name());
            if (!now.dir()) return "now a file";
            Map<String, String> before = new HashMap<>();
            for (HashInfo.Entry e : cache.readManifest(p.lockedMd5(), p.name())) before.put(e.relpath(), e.md5());
            int changed = 0, added = 0;
            Set<String> seen = new HashSet<>();
            for (HashInfo.Entry e : now.manifest()) {
                seen.add(e.relpath());
                String old = before.get(e.relpath());
                if (old == null) added++;
                else if (!old.equals(e.md5())) changed++;
            }
            int removed = 0;
            for (String r : before.keySet()) if (!seen.contains(r)) removed++;
            StringBuilder sb = new StringBuilder();
            count(sb, changed, "changed");
            count(sb, added, "added");
            count(sb, removed, "removed");
            return sb.length() == 0 ? null : sb.toString();
        } catch (Exception e) {
            return null; // the locked manifest is not in the cache: say no more than "modified"
        }
    }

    private static void count(StringBuilder sb, int n, String what) {
        if (n == 0) return;
        if (sb.length() > 0) sb.append(", ");
        sb.append(n).append(n == 1 ? " file " : " files ").append(what);
    }

    private static Pos valuePos(Change c) {
        ParamsFiles.Loaded l = ParamsFiles.read(c.param().dep().abs());
        if (l.root() == null) return null;
        Optional<YNode> v = ParamsFiles.lookup(l.root(), c.key());
        return v.map(YNode::pos).orElse(null);
    }

    private static Pos declaredPos(Change c) {
        for (ParamKey k : c.param().dep().keys()) if (k.key().equals(c.key())) return k.pos();
        return c.param().dep().pos();
    }

    private String rel(Path abs) {
        try {
            return PathNames.posix(cwd.relativize(abs));
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }
}
