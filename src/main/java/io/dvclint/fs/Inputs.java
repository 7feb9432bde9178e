package io.dvclint.fs;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every look a lint takes at the file system: reading a file, checking that a path exists or is a folder, listing a
 * folder. A lint's findings are a function of what it sees here and nothing else (no clock, no environment, no
 * subprocess), so while a {@link Recording} is active each look is noted with what it saw, and a later lint that
 * sees the same everywhere may reuse the findings ({@code load/ResultCache}). {@code InputsOnlyTest} keeps the
 * rest of the lint from touching the file system directly.
 */
public final class Inputs {
    private static volatile Recording recording;

    private Inputs() {
    }

    /** What one look saw: {@code kind} is one of the constants below, {@code arg} the length of a prefix read. */
    public record Observation(char kind, String path, int arg, String seen) {
    }

    public static final char EXISTS = 'e';
    public static final char REGULAR_FILE = 'f';
    public static final char DIRECTORY = 'd';
    public static final char DIRECTORY_NO_FOLLOW = 'D';
    public static final char SYMBOLIC_LINK = 'l';
    public static final char SIZE = 's';
    public static final char CONTENT = 'c';
    public static final char PREFIX = 'p';
    public static final char LISTING = 'L';

    /** The looks of one lint, in the order first taken (a look repeated is noted once). Thread-safe. */
    public static final class Recording {
        private final Map<Look, String> seen = new LinkedHashMap<>();

        synchronized void add(char kind, Path path, int arg, String result) {
            seen.putIfAbsent(new Look(kind, path, arg), result);
        }

        public synchronized List<Observation> observations() {
            List<Observation> out = new ArrayList<>(seen.size());
            for (Map.Entry<Look, String> e : seen.entrySet()) {
                Look l = e.getKey();
                out.add(new Observation(l.kind, l.path.toString(), l.arg, e.getValue()));
            }
            return out;
        }
    }

    /**
     * A look as taken (the key that makes a repeated look noted once). A class, not a record: a record's equals and
     * hashCode are linked through invokedynamic on first use, a cost a fresh JVM pays at start-up.
     */
    private static final class Look {
        final char kind;
        final Path path;
        final int arg;

        Look(char kind, Path path, int arg) {
            this.kind = kind;
            this.path = path;
            this.arg = arg;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Look l && l.kind == kind && l.arg == arg && l.path.equals(path);
        }

        @Override
        public int hashCode() {
            return (path.hashCode() * 31 + kind) * 31 + arg;
        }
    }

    /**
     * Starts noting every look (from any thread) until {@link #stop}; null when a recording is already running
     * (one lint at a time is recorded: a second would take the first one's looks for its own).
     */
    public static synchronized Recording start() {
        if (recording != null) return null;
        Recording r = new Recording();
        recording = r;
        return r;
    }

    public static synchronized void stop(Recording r) {
        if (recording == r) recording = null;
    }

    /** Whether the file system still shows what {@code o} saw (this look is not itself noted). */
    public static boolean unchanged(Observation o) {
        return o.seen().equals(look(o.kind(), Path.of(o.path()), o.arg()));
    }

    private static void note(char kind, Path path, int arg, String result) {
        Recording r = recording;
        if (r != null) r.add(kind, path, arg, result);
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }

    /** A yes-or-no look, noted. */
    private static boolean test(char kind, Path p) {
        String seen = look(kind, p, 0);
        note(kind, p, 0, seen);
        return seen.equals("1");
    }

    public static boolean exists(Path p) {
        return test(EXISTS, p);
    }

    public static boolean isRegularFile(Path p) {
        return test(REGULAR_FILE, p);
    }

    public static boolean isDirectory(Path p) {
        return test(DIRECTORY, p);
    }

    /** Whether {@code p} is a folder itself, not a symbolic link to one. */
    public static boolean isDirectoryNoFollow(Path p) {
        return test(DIRECTORY_NO_FOLLOW, p);
    }

    public static boolean isSymbolicLink(Path p) {
        return test(SYMBOLIC_LINK, p);
    }

    public static long size(Path p) throws IOException {
        try {
            long n = Files.size(p);
            note(SIZE, p, 0, Long.toString(n));
            return n;
        } catch (IOException e) {
            note(SIZE, p, 0, failure(e));
            throw e;
        }
    }

    /**
     * The bytes of a file. Read with java.io rather than {@code Files.readAllBytes}: a JVM has java.io's file
     * classes ready from its own start, while the first NIO read loads and initialises some 25 channel classes, a
     * cost every start of a short lint would pay.
     */
    public static byte[] read(Path file) throws IOException {
        try {
            byte[] b = readBytes(file, -1);
            note(CONTENT, file, 0, Fingerprint.of(b));
            return b;
        } catch (IOException e) {
            note(CONTENT, file, 0, failure(e));
            throw e;
        }
    }

    /** The first {@code n} bytes of a file (fewer when it is shorter). */
    public static byte[] readPrefix(Path file, int n) throws IOException {
        try {
            byte[] b = readBytes(file, n);
            note(PREFIX, file, n, Fingerprint.of(b));
            return b;
        } catch (IOException e) {
            note(PREFIX, file, n, failure(e));
            throw e;
        }
    }

    /** The entries of a folder, in no particular order. */
    public static List<Path> list(Path dir) throws IOException {
        List<Path> out;
        try {
            out = entries(dir);
        } catch (IOException | RuntimeException e) {
            note(LISTING, dir, 0, failure(e));
            throw e;
        }
        note(LISTING, dir, 0, names(out));
        return out;
    }

    private static List<Path> entries(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) out.add(p);
        }
        return out;
    }

    /** What a look at {@code p} sees now, in the form it is noted. */
    private static String look(char kind, Path p, int arg) {
        try {
            return switch (kind) {
                case EXISTS -> flag(Files.exists(p));
                case REGULAR_FILE -> flag(Files.isRegularFile(p));
                case DIRECTORY -> flag(Files.isDirectory(p));
                case DIRECTORY_NO_FOLLOW -> flag(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
                case SYMBOLIC_LINK -> flag(Files.isSymbolicLink(p));
                case SIZE -> Long.toString(Files.size(p));
                case CONTENT -> Fingerprint.of(readBytes(p, -1));
                case PREFIX -> Fingerprint.of(readBytes(p, arg));
                case LISTING -> names(entries(p));
                default -> "?" + kind;
            };
        } catch (IOException | RuntimeException e) {
            return failure(e);
        }
    }

    private static byte[] readBytes(Path file, int limit) throws IOException {
        try (InputStream in = new FileInputStream(file.toFile())) {
            return limit < 0 ? in.readAllBytes() : in.readNBytes(limit);
        }
    }

    /** A failed look is noted by its exception, whose message may end up in a finding. */
    private static String failure(Exception e) {
        return "!" + e.getClass().getName() + ": " + e.getMessage();
    }

    private static String names(Collection<Path> entries) {
        List<String> names = new ArrayList<>(entries.size());
        for (Path p : entries) names.add(String.valueOf(p.getFileName()));
        names.sort(null);
        StringBuilder sb = new StringBuilder();
        for (String n : names) sb.append(n).append('/');
        return Fingerprint.of(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
