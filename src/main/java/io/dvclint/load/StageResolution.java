package io.dvclint.load;

import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.model.DvcFile;
import io.dvclint.model.Project;
import io.dvclint.params.ParamsFiles;
import io.dvclint.schema.SchemaProblem;
import io.dvclint.schema.SchemaValidator;
import io.dvclint.template.FileLoad;
import io.dvclint.template.ResolvedStage;
import io.dvclint.template.TemplateProblem;
import io.dvclint.template.TemplateResolver;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Resolves the templating of a schema-valid dvc.yaml ({@code vars}, {@code ${...}}, {@code foreach},
 * {@code matrix}) into stages of the model. Resolution errors are {@code template} findings; values that resolve
 * to the wrong type (which DVC never re-validates) are {@code template-type} findings at the template's position.
 */
final class StageResolution {
    static final String TEMPLATE = "template";
    static final String TEMPLATE_TYPE = "template-type";

    private final Findings findings;
    private final ParamsFiles files;

    StageResolution(Findings findings, ParamsFiles files) {
        this.findings = findings;
        this.files = files;
    }

    void resolve(Project project, DvcFile f) {
        TemplateResolver resolver = new TemplateResolver(project.root(), f.dir(), new Function<Path, FileLoad>() {
            @Override
            public FileLoad apply(Path p) {
                return load(files, p);
            }
        });
        TemplateResolver.Result result = resolver.resolve(f.root());
        f.setTemplating(result);
        for (TemplateProblem p : result.problems()) {
            findings.add(new Finding(TEMPLATE, p.warning() ? Severity.WARNING : Severity.ERROR, f.path(), p.pos(),
                    p.message()));
        }
        for (ResolvedStage rs : result.stages()) {
            if (rs.retyped()) typeCheck(f, rs);
            f.stages().add(StageBuilder.build(f, rs.name(), rs.group(), rs.namePos(), rs.def()));
        }
    }

    /** Checks a resolved definition against the schema, as DVC never does after interpolation (DVC #6989). */
    private void typeCheck(DvcFile f, ResolvedStage rs) {
        YMap doc = YMap.of(List.of(new YMap.Entry(YScalar.of("stages", rs.namePos()),
                YMap.of(List.of(new YMap.Entry(YScalar.of(rs.name(), rs.namePos()), rs.def())), rs.namePos(),
                        rs.namePos()))), rs.namePos(), rs.namePos());
        List<SchemaProblem> problems = new ArrayList<>(SchemaValidator.validateDvcYaml(doc));
        for (SchemaProblem p : problems) {
            findings.add(new Finding(TEMPLATE_TYPE, Severity.WARNING, f.path(), p.pos(),
                    "after templating: " + p.message(),
                    "DVC validates dvc.yaml before templating and never checks resolved values"));
        }
    }

    private static FileLoad load(ParamsFiles files, Path p) {
        ParamsFiles.Loaded l = files.load(p);
        if (l.ok()) return FileLoad.ok(l.root());
        return switch (l.problem().kind()) {
            case MISSING -> FileLoad.missing();
            case DIRECTORY -> FileLoad.directory();
            default -> FileLoad.unreadable(l.problem().message());
        };
    }
}
