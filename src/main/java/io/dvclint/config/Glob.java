package io.dvclint.config;

import java.util.regex.Pattern;

/**
 * A path glob over POSIX paths relative to the project root: {@code *} and {@code ?} stay inside one path
 * component, {@code **} crosses components ({@code **}{@code /} also matches no folder at all, so
 * {@code **}{@code /dvc.yaml} matches the root {@code dvc.yaml} too), {@code [abc]} is a character class. A glob
 * without {@code /} matches the file name in any folder, as in .gitignore.
 */
public final class Glob {
    private final Pattern pattern;

    private Glob(Pattern pattern) {
        this.pattern = pattern;
    }

    public static Glob compile(String glob) {
        String g = glob.startsWith("./") ? glob.substring(2) : glob;
        boolean anyDir = !g.contains("/");
        StringBuilder re = new StringBuilder(anyDir ? "(?:.*/)?" : "");
        if (g.startsWith("/")) g = g.substring(1);
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
                if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                    if (i + 2 < g.length() && g.charAt(i + 2) == '/') {
                        re.append("(?:.*/)?");
                        i += 2;
                    } else {
                        re.append(".*");
                        i++;
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = g.indexOf(']', i + 1);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String cls = g.substring(i + 1, close);
                    if (cls.startsWith("!")) cls = "^" + cls.substring(1);
                    re.append('[').append(cls.replace("\\", "\\\\")).append(']');
                    i = close;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (g.endsWith("/")) re.append(".*");
        else re.append("(?:/.*)?");
        return new Glob(Pattern.compile(re.toString()));
    }

    public boolean matches(String relPath) {
        return pattern.matcher(relPath).matches();
    }
}
