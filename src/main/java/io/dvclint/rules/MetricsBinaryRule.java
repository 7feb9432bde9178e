package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.Out;
import io.dvclint.model.OutKind;
import io.dvclint.model.PathNames;
import io.dvclint.model.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code metrics-binary}: a stage metrics output that is a binary file, which DVC refuses after the command ran. */
public final class MetricsBinaryRule extends Rule {
    public MetricsBinaryRule() {
        super("metrics-binary", Severity.WARNING,
                "Binary file under `metrics:` (DVC fails the stage after running it: \"binary file ... cannot"
                        + " be used as metrics\")");
    }

    /** Suffixes of formats that are binary by construction. */
    private static final Set<String> BINARY = Set.of("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp",
            "pdf", "pkl", "pickle", "joblib", "sav", "h5", "hdf5", "keras", "pt", "pth", "ckpt", "safetensors", "onnx",
            "npy", "npz", "parquet", "feather", "arrow", "orc", "avro", "zip", "gz", "tgz", "bz2", "xz", "zst", "7z",
            "tar", "db", "sqlite", "sqlite3", "xlsx", "xls", "bin", "model", "tflite", "pb");

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.project().stages()) {
            for (Out o : s.outs()) {
                if (o.kind() != OutKind.METRICS || PathNames.isUrl(o.path()) || PathNames.isTemplated(o.path())) continue;
                Boolean text = isTextFile(o.abs());
                String ext = suffix(o.path());
                if (Boolean.TRUE.equals(text)) continue;
                if (text == null && !BINARY.contains(ext)) continue;
                boolean certain = Boolean.FALSE.equals(text);
                ctx.report(certain ? Severity.ERROR : null, s.file().path(), o.pos(), "metrics output '" + o.path()
                        + "' of " + s + (certain ? " is a binary file" : " is a ." + ext + " file, a binary format")
                        + ": DVC refuses it after running the command (\"binary file '...' cannot be used as "
                        + "metrics.\")", BINARY.contains(ext) && (ext.equals("png") || ext.equals("jpg")
                        || ext.equals("jpeg") || ext.equals("gif"))
                        ? "list images under `plots:` (or `outs:`)" : "list it under `outs:`, and write the numbers "
                        + "to a JSON, YAML or TOML file for `metrics:`", List.of());
            }
        }
    }

    private static String suffix(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * DVC's {@code istextfile} over the first 512 bytes: text unless it has a NUL byte or more than 30% of bytes
     * outside printable ASCII and {@code \n \r \t \f \b}. Null when the file is missing, a folder or unreadable.
     */
    static Boolean isTextFile(Path p) {
        if (!Inputs.isRegularFile(p)) return null;
        byte[] block;
        try {
            block = Inputs.readPrefix(p, 512);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (block.length == 0) return true;
        int nontext = 0;
        for (byte b : block) {
            int c = b & 0xff;
            if (c == 0) return false;
            boolean text = c >= 32 && c < 127 || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\b';
            if (!text) nontext++;
        }
        return (double) nontext / block.length <= 0.30;
    }
}
