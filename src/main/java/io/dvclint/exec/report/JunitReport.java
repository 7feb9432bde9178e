package io.dvclint.exec.report;

import io.dvclint.exec.run.ReproListener;
import io.dvclint.format.Xml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code repro --junit FILE}: one JUnit test case per planned stage, as GitLab and Jenkins read test reports: a stage
 * that ran or was restored from the run-cache passes (how, in its {@code system-out}, with the tail of its output),
 * one that did not change or was not attempted is skipped (with why), a failed one carries DVC's message and the
 * tail of its output in a {@code failure}. Written when the run ends.
 */
public final class JunitReport implements ReproListener {
    private static final int TAIL = 64 * 1024;

    private record Case(String name, Result result, String failure, double seconds, String tail) {
    }

    private final Path file;
    private final String suite;
    private final List<Case> cases = new ArrayList<>();
    private final Map<String, ByteArrayOutputStream> output = new HashMap<>();

    public JunitReport(Path file, String suite) {
        this.file = file;
        this.suite = suite;
    }

    @Override
    public boolean wantsOutput() {
        return true;
    }

    @Override
    public synchronized void output(String address, byte[] chunk, int length, boolean err) {
        ByteArrayOutputStream b = output.get(address);
        if (b == null) {
            b = new ByteArrayOutputStream();
            output.put(address, b);
        }
        b.write(chunk, 0, length);
        if (b.size() > 2 * TAIL) {
            byte[] all = b.toByteArray();
            b.reset();
            b.write(all, all.length - TAIL, TAIL);
        }
    }

    @Override
    public synchronized void stageEnded(String address, Result result, String failure, long nanos) {
        ByteArrayOutputStream b = output.remove(address);
        String tail = "";
        if (b != null) {
            byte[] all = b.toByteArray();
            int from = Math.max(0, all.length - TAIL);
            tail = new String(all, from, all.length - from, StandardCharsets.UTF_8);
        }
        cases.add(new Case(address, result, result == Result.FAILED ? "failed to reproduce '" + address + "': "
                + failure : failure, nanos / 1e9, tail));
    }

    /**
     * The run was refused before any stage started (the lint, an unsafe output, a busy project): the report is one
     * failed case, {@code dvclint repro}, with the reason and what was printed about it.
     */
    public synchronized void refused(String reason, String details) {
        cases.clear();
        cases.add(new Case("dvclint repro", Result.FAILED, reason, 0, details));
        finished();
    }

    @Override
    public synchronized void finished() {
        int failures = 0, skipped = 0;
        double total = 0;
        for (Case c : cases) {
            if (c.result() == Result.FAILED) failures++;
            if (c.result() == Result.SKIPPED || c.result() == Result.NOT_ATTEMPTED) skipped++;
            total += c.seconds();
        }
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"dvclint repro\" tests=\"").append(cases.size()).append("\" failures=\"")
                .append(failures).append("\" skipped=\"").append(skipped).append("\" time=\"").append(time(total))
                .append("\">\n");
        sb.append("  <testsuite name=\"").append(Xml.escape(suite)).append("\" tests=\"").append(cases.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(time(total)).append("\">\n");
        for (Case c : cases) {
            sb.append("    <testcase classname=\"").append(Xml.escape(suite)).append("\" name=\"")
                    .append(Xml.escape(c.name())).append("\" time=\"").append(time(c.seconds())).append("\"");
            switch (c.result()) {
                case FAILED -> sb.append(">\n      <failure message=\"").append(Xml.escape(c.failure()))
                        .append("\" type=\"StageFailed\">")
                        .append(Xml.escape(c.tail())).append("</failure>\n    </testcase>\n");
                case SKIPPED -> sb.append(">\n      <skipped message=\"didn't change\"/>\n    </testcase>\n");
                case NOT_ATTEMPTED -> sb.append(">\n      <skipped message=\"not attempted: a stage it depends on "
                        + "failed, or the run stopped before it\"/>\n    </testcase>\n");
                default -> {
                    String how = switch (c.result()) {
                        case RAN -> "ran";
                        case RESTORED -> "restored from the run-cache";
                        default -> "outputs verified (frozen stage)";
                    };
                    sb.append(">\n      <system-out>").append(Xml.escape(how + (c.tail().isEmpty() ? "" : "\n"
                            + c.tail()))).append("</system-out>\n    </testcase>\n");
                }
            }
        }
        sb.append("  </testsuite>\n</testsuites>\n");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
