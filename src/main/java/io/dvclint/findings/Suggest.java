package io.dvclint.findings;

import java.util.Collection;

/** "Did you mean" suggestions, shared by every message that names a valid alternative. */
public final class Suggest {
    private Suggest() {
    }

    /** Optimal string alignment distance: Levenshtein where swapping two adjacent characters is one edit. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The closest candidate within a distance that makes sense for the word's length (or a prefix), or null. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        int limit = Math.max(2, word.length() / 3);
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        if (best != null && (bestD <= limit || best.startsWith(word) && word.length() >= 3
                || word.startsWith(best) && best.length() >= 3)) {
            return best;
        }
        return null;
    }

    /** "; did you mean 'x'?" or "". */
    public static String didYouMean(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : "; did you mean '" + c + "'?";
    }
}
