package io.dvclint.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a lint must not make a fresh JVM do, checked on a real JVM started for it: link a record's equals, hashCode
 * or toString through {@code java.lang.runtime.ObjectMethods} (several milliseconds of method-handle spinning per
 * record type; records compared on the lint path write those methods out).
 */
class StartupHygieneTest {
    @Test
    void lintingTheExamplesLinksNoRecordMethodsThroughObjectMethods() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> cmd = new ArrayList<>(List.of(java, "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), "io.dvclint.cli.Main", "lint", "--no-cache", "--format", "json",
                "examples/get-started", "examples/reproduced"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("io.dvclint.rules.RuleEngine"), "the class-loading log is there");
        assertTrue(out.contains("\"param-unused\""), "the examples were linted");
        List<String> offending = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.contains("[class,load] java.lang.runtime.ObjectMethods ")) offending.add(line);
        }
        assertEquals(List.of(), offending);
    }
}
