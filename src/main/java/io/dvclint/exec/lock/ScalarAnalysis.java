package io.dvclint.exec.lock;

/**
 * ruamel.yaml's {@code Emitter.analyze_scalar} (with {@code allow_unicode}, as DVC's {@code YAML()} has it): which
 * styles a string may be written in. A plain scalar is ruled out by leading/trailing blanks, line breaks, special
 * characters and indicators ({@code ": "}, {@code " #"}, a leading {@code - }, {@code [}, {@code &}, ...).
 */
record ScalarAnalysis(String scalar, boolean empty, boolean multiline, boolean allowFlowPlain,
        boolean allowBlockPlain, boolean allowSingleQuoted, boolean allowDoubleQuoted, boolean allowBlock) {

    private static boolean isBreak(int ch) {
        return ch == '\n' || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
    }

    private static boolean isWhite(int ch) {
        return ch == 0 || ch == ' ' || ch == '\t' || ch == '\r' || isBreak(ch);
    }

    static ScalarAnalysis of(String scalar) {
        if (scalar.isEmpty()) {
            return new ScalarAnalysis(scalar, true, false, false, true, true, true, false);
        }
        int[] cps = scalar.codePoints().toArray();
        int n = cps.length;
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;

        if (scalar.startsWith("---") || scalar.startsWith("...")) {
            blockIndicators = true;
            flowIndicators = true;
        }
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = n == 1 || isWhite(cps[1]);
        boolean previousSpace = false;
        boolean previousBreak = false;
        for (int index = 0; index < n; index++) {
            int ch = cps[index];
            if (index == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
                if (ch == '?' || ch == ':') {
                    if (n == 1) flowIndicators = true;
                    if (followedByWhitespace) blockIndicators = true;
                }
                if (ch == '-' && followedByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            } else {
                if (",[]{}".indexOf(ch) >= 0) flowIndicators = true;
                if (ch == ':' && followedByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
                if (ch == '#' && precededByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            }
            if (isBreak(ch)) lineBreaks = true;
            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E))) {
                boolean unicode = (ch == 0x85 || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD)
                        || (ch >= 0x10000 && ch <= 0x10FFFF)) && ch != 0xFEFF;
                // allow_unicode is on: printable non-ASCII characters are not special
                if (!unicode) specialCharacters = true;
            }
            if (ch == ' ') {
                if (index == 0) leadingSpace = true;
                if (index == n - 1) trailingSpace = true;
                if (previousBreak) breakSpace = true;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(ch)) {
                if (index == 0) leadingBreak = true;
                if (index == n - 1) trailingBreak = true;
                if (previousSpace) spaceBreak = true;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isWhite(ch);
            followedByWhitespace = index + 2 >= n || isWhite(cps[index + 2]);
        }

        boolean allowFlowPlain = true;
        boolean allowBlockPlain = true;
        boolean allowSingleQuoted = true;
        boolean allowDoubleQuoted = true;
        boolean allowBlock = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            allowFlowPlain = false;
            allowBlockPlain = false;
        }
        if (trailingSpace) allowBlock = false;
        if (breakSpace) {
            allowFlowPlain = false;
            allowBlockPlain = false;
            allowSingleQuoted = false;
        }
        if (specialCharacters) {
            allowFlowPlain = false;
            allowBlockPlain = false;
            allowSingleQuoted = false;
            allowBlock = false;
        } else if (spaceBreak) {
            allowFlowPlain = false;
            allowBlockPlain = false;
            allowSingleQuoted = false;
            // ruamel's allow_space_break is off
            allowBlock = false;
        }
        if (lineBreaks) {
            allowFlowPlain = false;
            allowBlockPlain = false;
        }
        if (flowIndicators) allowFlowPlain = false;
        if (blockIndicators) allowBlockPlain = false;
        return new ScalarAnalysis(scalar, false, lineBreaks, allowFlowPlain, allowBlockPlain, allowSingleQuoted,
                allowDoubleQuoted, allowBlock);
    }

    ScalarAnalysis withAllowBlock() {
        return new ScalarAnalysis(scalar, empty, multiline, allowFlowPlain, allowBlockPlain, allowSingleQuoted,
                allowDoubleQuoted, true);
    }
}
