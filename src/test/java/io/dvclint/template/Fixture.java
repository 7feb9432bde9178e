package io.dvclint.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A small project on disk for templating tests, with a YAML-only file loader. */
final class Fixture {
    final Path dir;
    int loads;

    Fixture(Path dir) {
        this.dir = dir;
    }

    Fixture file(String rel, String text) {
        try {
            Path p = dir.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Function<Path, FileLoad> loader() {
        return Fixture.this::load;
    }

    FileLoad load(Path p) {
        loads++;
        return yamlLoad(p);
    }

    static FileLoad yamlLoad(Path p) {
        if (Files.isDirectory(p)) return FileLoad.directory();
        if (!Files.exists(p)) return FileLoad.missing();
        try {
            Object dec = SourceText.decode(Files.readAllBytes(p));
            if (!(dec instanceof SourceText src)) return FileLoad.unreadable(dec.toString());
            YamlLoader.Result r = YamlLoader.load(src);
            return r.ok() ? FileLoad.ok(r.root()) : FileLoad.unreadable(r.problem().message());
        } catch (IOException e) {
            return FileLoad.unreadable(e.getMessage());
        }
    }

    static YMap parse(String yaml) {
        YamlLoader.Result r = YamlLoader.load(new SourceText(yaml));
        assertTrue(r.ok(), () -> String.valueOf(r.problem()));
        return r.root() == null ? YMap.empty(io.dvclint.yaml.Pos.START) : (YMap) r.root();
    }

    TemplateResolver.Result resolve(String dvcYaml) {
        return new TemplateResolver(dir, loader()).resolve(parse(dvcYaml));
    }

    static List<String> names(TemplateResolver.Result r) {
        List<String> out = new ArrayList<>();
        for (ResolvedStage s : r.stages()) out.add(s.name());
        return out;
    }

    static List<String> messages(TemplateResolver.Result r) {
        List<String> out = new ArrayList<>();
        for (TemplateProblem p : r.problems()) out.add(p.message());
        return out;
    }

    /** The resolved value at a dotted path of a stage definition ({@code outs.0}, {@code cmd}). */
    static Object value(TemplateResolver.Result r, String stage, String path) {
        ResolvedStage s = r.stage(stage);
        assertNotNull(s, () -> "no stage " + stage + " in " + names(r) + " " + messages(r));
        YNode n = s.def();
        for (String seg : path.split("\\.")) {
            if (n instanceof YMap m) n = m.get(seg);
            else n = ((io.dvclint.yaml.YSeq) n).get(Integer.parseInt(seg));
            assertNotNull(n, () -> "no " + path + " in " + s.def().toJava());
        }
        return n.toJava();
    }

    static void assertOnlyError(TemplateResolver.Result r, String message) {
        assertEquals(List.of(message), messages(r));
    }
}
