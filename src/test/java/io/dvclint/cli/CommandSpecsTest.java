package io.dvclint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How command lines are built. */
class CommandSpecsTest {
    /**
     * picocli registers converters for java.time, java.sql and java.nio types with every command line unless told
     * not to, and telling it must come before the first one is made (a subcommand's included): in a fresh JVM, no
     * command line loads a java.sql class.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"dag --help", "lock --help", "status --help", "lint --help", "--help"})
    void noCommandLineLoadsPicoclisConvertersForOtherModules(String line) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xshare:off", "-verbose:class",
                "-cp", System.getProperty("java.class.path"), "io.dvclint.cli.Main"));
        cmd.addAll(List.of(line.split(" ")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("picocli.CommandLine "), "class loading is shown");
        List<String> sql = out.lines().filter(l -> l.contains(" java.sql.")).toList();
        assertEquals(List.of(), sql, line);
    }
}
