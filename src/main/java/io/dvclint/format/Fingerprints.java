package io.dvclint.format;

import io.dvclint.findings.Finding;
import io.dvclint.yaml.SourceText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Identities of findings that survive unrelated edits: a hash of the rule id, the path relative to the project
 * root, the message (with line and column numbers blanked) and the text of the source line, but not the line number,
 * then {@code :n} for the n-th finding with that hash in file order. Inserting or removing lines above a finding
 * keeps its fingerprint; changing the offending line itself changes it.
 */
public final class Fingerprints {
    /** The {@code partialFingerprints} key used in SARIF; bump the version when the recipe changes. */
    public static final String SARIF_KEY = "dvclintFingerprint/v1";

    private static final Pattern NUMBERED = Pattern.compile("(?i)\\b(line|lines|column|col)(\\s+)\\d+");
    private static final Pattern LINE_COL = Pattern.compile(":\\d+:\\d+\\b");

    private Fingerprints() {
    }

    /** One fingerprint per finding, in the order given (findings should be in file order, as sorted() gives). */
    public static List<String> of(List<Finding> findings, Report report) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            sha.reset();
            update(sha, f.ruleId());
            update(sha, report.rootRelative(f.file()));
            update(sha, normalizeMessage(f.message()));
            update(sha, lineText(f, report).strip());
            String hash = HexFormat.of().formatHex(sha.digest(), 0, 16);
            int n = seen.merge(hash, 1, Integer::sum);
            out.add(hash + ":" + n);
        }
        return out;
    }

    static String normalizeMessage(String message) {
        String m = NUMBERED.matcher(message).replaceAll("$1$2#");
        return LINE_COL.matcher(m).replaceAll(":#:#");
    }

    static String lineText(Finding f, Report report) {
        SourceText src = report.findings().sourceOf(f.file());
        if (src == null || f.line() < 1 || f.line() > src.lineCount()) return "";
        return src.line(f.line());
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
