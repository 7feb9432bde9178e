import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (run by Maven as a single-file Java program before compiling): writes
 * {@code io/dvclint/schema/SchemaTexts.java}, holding the text of each {@code schema/*.schema.json} as a string
 * constant. Reading them as jar resources meant opening the jar, and reading its directory of some five thousand
 * entries, on every run that validates a file; a constant comes with its class from the class-data archive.
 *
 * <p>Usage: {@code java SchemaSources.java SCHEMA_DIR OUT_DIR}
 */
public class SchemaSources {
    public static void main(String[] args) throws IOException {
        Path schemaDir = Path.of(args[0]);
        Path out = Path.of(args[1], "io", "dvclint", "schema", "SchemaTexts.java");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(schemaDir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".schema.json")).sorted().forEach(files::add);
        }
        StringBuilder src = new StringBuilder();
        src.append("package io.dvclint.schema;\n\n")
                .append("/** The bundled schemas' texts. Generated from schema/ by src/build/SchemaSources.java. */\n")
                .append("final class SchemaTexts {\n")
                .append("    private SchemaTexts() {\n    }\n\n")
                .append("    /** The text of {@code schema/<fileName>}, or null when there is no such schema. */\n")
                .append("    static String of(String fileName) {\n")
                .append("        switch (fileName) {\n");
        for (int i = 0; i < files.size(); i++) {
            src.append("            case \"").append(files.get(i).getFileName()).append("\":\n")
                    .append("                return T").append(i).append(";\n");
        }
        src.append("            default:\n                return null;\n        }\n    }\n");
        for (int i = 0; i < files.size(); i++) {
            String text = Files.readString(files.get(i), StandardCharsets.UTF_8);
            if (text.getBytes(StandardCharsets.UTF_8).length > 60_000) {
                throw new IllegalStateException(files.get(i) + " is too large for one string constant");
            }
            src.append("\n    private static final String T").append(i).append(" = \"\"");
            for (String line : text.split("(?<=\n)")) src.append("\n            + ").append(literal(line));
            src.append(";\n");
        }
        src.append("}\n");
        Files.createDirectories(out.getParent());
        if (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).equals(src.toString())) {
            Files.writeString(out, src.toString(), StandardCharsets.UTF_8);
        }
    }

    private static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
