package io.dvclint.cli;

import io.dvclint.config.Config;
import io.dvclint.findings.Findings;
import io.dvclint.findings.TextEdit;
import io.dvclint.fix.Fixer;
import io.dvclint.fs.Inputs;
import io.dvclint.yaml.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code lint --fix} and {@code lint --diff}: apply the certain fixes, lint again, and repeat while fixes remain (a
 * fix can make room for another: two keys inserted at one place, a block created then extended). {@code --fix}
 * writes each pass to disk; {@code --diff} runs the very same passes over the edited texts held in memory
 * ({@link Inputs#withOverlay}), so the diff it prints is exactly the change {@code --fix} makes.
 */
final class FixLoop {
    private static final int MAX_PASSES = 10;

    /** The findings left, and each edited file's text before and after. */
    record Result(Findings findings, Map<Path, String> before, Map<Path, String> after, int edits) {
    }

    /** A UTF-8 byte-order mark, which the decoded text leaves out and a fixed file keeps. */
    private static final String BOM = "\uFEFF";

    private FixLoop() {
    }

    private static boolean hasBom(Path file) {
        try {
            return new String(Inputs.readPrefix(file, 3), StandardCharsets.UTF_8).startsWith(BOM);
        } catch (IOException e) {
            return false;
        }
    }

    static Result run(Map<Path, Config> configs, boolean validationCache, Findings first, boolean write) {
        Map<Path, String> before = new LinkedHashMap<>();
        Map<Path, String> after = new LinkedHashMap<>();
        Map<Path, byte[]> overlay = new LinkedHashMap<>();
        Findings findings = first;
        int edits = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Map<Path, List<TextEdit>> chosen = Fixer.select(findings.sorted());
            if (chosen.isEmpty()) break;
            for (Map.Entry<Path, List<TextEdit>> e : chosen.entrySet()) {
                SourceText src = findings.sourceOf(e.getKey());
                if (src == null) continue;
                String text = Fixer.apply(src.text(), e.getValue());
                before.putIfAbsent(e.getKey(), src.text());
                after.put(e.getKey(), text);
                edits += e.getValue().size();
                byte[] bytes = (hasBom(e.getKey()) ? BOM + text : text).getBytes(StandardCharsets.UTF_8);
                if (write) {
                    try {
                        Files.write(e.getKey(), bytes);
                    } catch (IOException ex) {
                        throw new UsageException("cannot write " + e.getKey() + ": " + ex.getMessage());
                    }
                } else {
                    overlay.put(e.getKey(), bytes);
                }
            }
            findings = Inputs.withOverlay(overlay, new Supplier<Findings>() {
                @Override
                public Findings get() {
                    return LintCommand.lintAll(configs, validationCache);
                }
            });
        }
        return new Result(findings, before, after, edits);
    }
}
