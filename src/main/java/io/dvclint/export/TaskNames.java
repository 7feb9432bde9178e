package io.dvclint.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names of exported tasks, made from DVC stage addresses. Every name is a Kubernetes label (RFC 1123: lower-case
 * letters, digits and {@code -}, at most 63 characters, a letter or digit at both ends) that starts with a letter,
 * since Argo refuses DAG task names starting with a digit. Names are unique within an export and the same address
 * always gets the same name as long as no other stage's name collides with it: a name is the address made readable
 * ({@code sub/dvc.yaml:train@us} becomes {@code sub-train-us}), and only where two addresses would read the same,
 * the name would be too long, or it is reserved, the name is shortened and followed by 8 hex digits of the address's
 * SHA-256.
 */
public final class TaskNames {
    /** The longest Kubernetes label. */
    public static final int MAX = 63;
    private static final int HASH = 8;

    private TaskNames() {
    }

    /** Names for the addresses, in their order; none of them is in {@code reserved}. */
    public static Map<String, String> assign(List<String> addresses, Set<String> reserved) {
        Map<String, List<String>> byBase = new LinkedHashMap<>();
        for (String a : addresses) byBase.computeIfAbsent(base(a), k -> new ArrayList<>()).add(a);
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(reserved);
        for (String a : addresses) {
            String b = base(a);
            boolean clean = b.length() <= MAX && byBase.get(b).size() == 1 && !reserved.contains(b);
            String name = clean ? b : trim(b, MAX - HASH - 1) + "-" + hash(a);
            // a clean name may equal another stage's hashed one (or two hashes may meet): count on from 2
            for (int n = 2; !used.add(name); n++) {
                String suffix = "-" + n;
                name = trim(clean ? b : trim(b, MAX - HASH - 1) + "-" + hash(a), MAX - suffix.length()) + suffix;
            }
            names.put(a, name);
        }
        return names;
    }

    /** The readable form of an address: the pipeline file's folder and the stage name, as one label. */
    static String base(String address) {
        int colon = address.lastIndexOf(':');
        String text = address;
        if (colon > 0 && address.substring(0, colon).endsWith("dvc.yaml")) {
            String file = address.substring(0, colon);
            int slash = file.lastIndexOf('/');
            text = (slash > 0 ? file.substring(0, slash) + "-" : "") + address.substring(colon + 1);
        }
        return label(text, Integer.MAX_VALUE, "stage");
    }

    /**
     * Any text as a label: lower-cased, every run of other characters than ASCII letters and digits one {@code -},
     * starting with a letter ({@code prefix-} is put before a leading digit, {@code prefix} stands for an empty
     * text), at most {@code max} characters.
     */
    public static String label(String text, int max, String prefix) {
        StringBuilder sb = new StringBuilder();
        boolean dash = false;
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (dash && sb.length() > 0) sb.append('-');
                sb.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        String s = sb.toString();
        if (s.isEmpty()) s = prefix;
        else if (s.charAt(0) >= '0' && s.charAt(0) <= '9') s = prefix + "-" + s;
        return trim(s, max);
    }

    /** Whether a name is a Kubernetes label starting with a letter. */
    public static boolean isName(String s) {
        if (s.isEmpty() || s.length() > MAX || !(s.charAt(0) >= 'a' && s.charAt(0) <= 'z')) return false;
        if (s.charAt(s.length() - 1) == '-') return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) return false;
        }
        return true;
    }

    private static String trim(String s, int max) {
        if (s.length() <= max) return s;
        String t = s.substring(0, max);
        while (t.endsWith("-")) t = t.substring(0, t.length() - 1);
        return t;
    }

    static String hash(String address) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < HASH / 2; i++) sb.append(String.format("%02x", d[i] & 0xff));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
