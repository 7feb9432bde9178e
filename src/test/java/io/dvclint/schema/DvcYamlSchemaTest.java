package io.dvclint.schema;

import static io.dvclint.schema.SchemaTestSupport.assertValid;
import static io.dvclint.schema.SchemaTestSupport.one;
import static io.dvclint.schema.SchemaTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.yaml.Pos;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DvcYamlSchemaTest {

    // ---- accepted ------------------------------------------------------------------------------------------------

    @Test
    void acceptsAFullPipeline() {
        assertValid(yaml("""
                vars:
                  - params.yaml
                  - config.yaml:train,eval
                  - {seed: 1}
                params: [params.yaml]
                metrics: [eval/metrics.json]
                datasets:
                  - name: d
                    type: dvc
                    anything: [1, {x: y}]
                artifacts:
                  model:
                    path: model.pkl
                    desc: the model
                    type: model
                    labels: [a, b]
                    meta: {owner: me}
                plots:
                  - eval/roc.json
                  - confusion:
                      template: confusion
                      x: actual
                      y: {eval/test.json: predicted}
                  - loss:
                  - acc:
                      x: {train.csv: step}
                      y: {train.csv: [acc, val_acc]}
                      x_label: s
                      y_label: a
                      title: t
                  - prc:
                      y: [precision, recall]
                stages:
                  prepare:
                    cmd: python prepare.py
                    wdir: src
                    deps: [data.xml, data.xml]
                    params:
                      - prepare.seed
                      - other.yaml: [a, b.c]
                      - whole.yaml:
                      - empty.yaml: []
                      - odd.yaml: {any: thing}
                    outs:
                      - data/prepared
                      - model.pkl:
                          cache: false
                          persist: true
                          checkpoint: true
                          push: false
                          remote: r
                          desc: d
                          type: model
                          labels: [x, x]
                          meta: [1, 2]
                        other.pkl: {}
                    metrics:
                      - m.json: {cache: false}
                    plots:
                      - p.csv:
                          x: a
                          y: b
                          template: linear
                          header: false
                          x_label: a
                          y_label: b
                          title: t
                          cache: false
                      - q.csv:
                          - {x: a}
                          - {y: b}
                      - r.csv
                    frozen: false
                    always_changed: true
                    desc: prepares
                    meta: anything
                    vars: [local.yaml, {a: 1}]
                  multi:
                    cmd:
                      - echo 1
                      - 2
                      - [nested]
                """));
    }

    @Test
    void acceptsForeachGroupsAndMatrixStages() {
        assertValid(yaml("""
                stages:
                  a:
                    foreach: [1, 2]
                    do:
                      cmd: echo ${item}
                  b:
                    foreach: {x: 1}
                    do:
                      cmd: echo ${key}
                      outs: ["o-${key}"]
                  c:
                    foreach: ${models}
                    do:
                      cmd: echo
                  m:
                    matrix:
                      model: [cnn, xgb]
                      feature: ${features}
                    cmd: train ${item.model}
                """));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# only a comment\n", "[]\n", "{}\n", "false\n", "0\n", "''\n", "null\n",
            "stages: {}\n"})
    void emptyOrFalsyFilesAreEmptyPipelines(String text) {
        assertValid(yaml(text)); // DVC: yaml.load(text) or {}
    }

    // ---- whole file ----------------------------------------------------------------------------------------------

    @Test
    void aFileThatIsNotAMappingExpectsADictionary() {
        SchemaProblem p = one(yaml("- a\n- b\n"));
        assertTrue(p.message().contains("expected a dictionary"), p.message());
        assertEquals(new Pos(1, 1), p.pos());
        assertTrue(one(yaml("just a string\n")).message().contains("expected a dictionary, got str 'just a string'"));
    }

    // ---- unknown keys --------------------------------------------------------------------------------------------

    @Test
    void unknownTopLevelKey() {
        SchemaProblem p = one(yaml("stages: {}\nstage:\n  x: {cmd: a}\n"));
        assertEquals("unknown top-level key 'stage' in dvc.yaml; did you mean 'stages'?", p.message());
        assertEquals(new Pos(2, 1), p.pos());
    }

    @Test
    void unknownStageKeyIsReportedAtTheKeyWithTheNearestAllowedKey() {
        SchemaProblem p = one(yaml("stages:\n  train:\n    cmd: python t.py\n    dep:\n      - a\n"));
        assertEquals("unknown key 'dep' in stage 'train'; did you mean 'deps'?", p.message());
        assertEquals(new Pos(4, 5), p.pos());
        assertEquals("unknown key 'ouputs' in stage 't'; did you mean 'outs'?",
                one(yaml("stages:\n  t:\n    cmd: x\n    ouputs: [a]\n")).message());
        assertEquals("unknown key 'always_chagned' in stage 't'; did you mean 'always_changed'?",
                one(yaml("stages:\n  t:\n    cmd: x\n    always_chagned: true\n")).message());
        assertEquals("unknown key 'dependencies' in stage 't'; did you mean 'deps'?",
                one(yaml("stages:\n  t:\n    cmd: x\n    dependencies: [a]\n")).message());
    }

    @Test
    void unknownKeyWithoutANearNameListsTheAllowedKeys() {
        SchemaProblem p = one(yaml("stages:\n  t:\n    cmd: x\n    zzzzzz: 1\n"));
        assertEquals("unknown key 'zzzzzz' in stage 't'", p.message());
        assertTrue(p.hint().startsWith("allowed keys: "), p.hint());
        assertTrue(p.hint().contains("always_changed"), p.hint());
    }

    @Test
    void commandInsteadOfCmdIsOneProblem() {
        SchemaProblem p = one(yaml("stages:\n  t:\n    command: python x.py\n"));
        assertEquals("unknown key 'command' in stage 't'; did you mean 'cmd'?", p.message());
    }

    @Test
    void unknownOutputFlag() {
        SchemaProblem p = one(yaml("stages:\n  t:\n    cmd: x\n    outs:\n      - model.pkl:\n          cach: false\n"));
        assertEquals("unknown flag 'cach' for output 'model.pkl' in stage 't'; did you mean 'cache'?", p.message());
        assertEquals(new Pos(6, 11), p.pos());
        assertEquals("unknown flag 'x' for metric 'm.json' in stage 't'",
                one(yaml("stages:\n  t:\n    cmd: x\n    metrics:\n      - m.json: {x: a}\n")).message());
    }

    @Test
    void plotPropertiesAreOnlyAllowedOnPlots() {
        assertEquals("unknown flag 'template' for output 'o.csv' in stage 't'",
                one(yaml("stages:\n  t:\n    cmd: x\n    outs:\n      - o.csv: {template: linear}\n")).message());
        assertEquals("unknown flag 'colour' for plot 'p.csv' in stage 't'",
                one(yaml("stages:\n  t:\n    cmd: x\n    plots:\n      - p.csv: {colour: red}\n")).message());
        assertEquals("unknown flag 'colour' for item 2 of plot 'p.csv' in stage 't'",
                one(yaml("stages:\n  t:\n    cmd: x\n    plots:\n      - p.csv: [{x: a}, {colour: red}]\n")).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hash: md5", "md5: d41d8cd98f00b204e9800998ecf8427e", "size: 10", "nfiles: 2"})
    void lockFieldsInOutputFlagsAreRejectedWithAnExplanation(String field) {
        SchemaProblem p = one(yaml("stages:\n  t:\n    cmd: x\n    outs:\n      - data:\n          " + field + "\n"));
        String key = field.substring(0, field.indexOf(':'));
        assertEquals("unknown flag '" + key + "' for output 'data' in stage 't'", p.message());
        assertTrue(p.hint().contains("dvc.lock"), p.hint());
        assertEquals(new Pos(6, 11), p.pos());
    }

    @Test
    void anOutputWrittenLikeALockEntryIsOneProblem() {
        SchemaProblem p = one(yaml("""
                stages:
                  t:
                    cmd: x
                    outs:
                      - path: model.pkl
                        hash: md5
                        md5: abc
                        size: 3
                """));
        assertEquals("item 1 of 'outs' in stage 't' is written like a dvc.lock entry ('path: model.pkl' with 'hash', 'md5', 'size')",
                p.message());
        assertTrue(p.hint().contains("'- model.pkl'"), p.hint());
        assertEquals(new Pos(5, 9), p.pos());
        // the same for deps, which must be strings
        SchemaProblem d = one(yaml("stages:\n  t:\n    cmd: x\n    deps:\n      - path: a.csv\n        md5: abc\n"));
        assertTrue(d.message().startsWith("item 1 of 'deps' in stage 't' is written like a dvc.lock entry"), d.message());
    }

    @Test
    void dvc1KeysGetMigrationHints() {
        SchemaProblem p = one(yaml("stages:\n  t:\n    cmd: x\n    outs_no_cache:\n      - out.txt\n"));
        assertEquals("unknown key 'outs_no_cache' in stage 't'", p.message());
        assertTrue(p.hint().contains("DVC 1.x") && p.hint().contains("outs: - out.txt: {cache: false}"), p.hint());
        SchemaProblem m = one(yaml("stages:\n  t:\n    cmd: x\n    metrics_no_cache: [m.json]\n"));
        assertTrue(m.hint().contains("metrics: - m.json: {cache: false}"), m.hint());
        SchemaProblem pp = one(yaml("stages:\n  t:\n    cmd: x\n    outs_persist: [o]\n"));
        assertTrue(pp.hint().contains("persist: true"), pp.hint());
    }

    @Test
    void liveSectionAndStageLevelPersistGetHints() {
        SchemaProblem live = one(yaml("stages:\n  t:\n    cmd: x\n    live:\n      dvclive:\n        summary: true\n"));
        assertEquals("unknown key 'live' in stage 't'", live.message());
        assertTrue(live.hint().contains("DVCLive") && live.hint().contains("metrics"), live.hint());
        assertEquals(new Pos(4, 5), live.pos());
        SchemaProblem persist = one(yaml("stages:\n  t:\n    cmd: x\n    persist: true\n"));
        assertTrue(persist.hint().contains("per-output flag"), persist.hint());
    }

    @Test
    void unknownKeysInsideADoTemplateAndArtifactsAndTopLevelPlots() {
        assertEquals("unknown key 'dep' in 'do' of stage 'g'; did you mean 'deps'?",
                one(yaml("stages:\n  g:\n    foreach: [1]\n    do:\n      cmd: x\n      dep: [a]\n")).message());
        assertEquals("unknown key 'owner' in artifact 'm'",
                one(yaml("artifacts:\n  m:\n    path: m.pkl\n    owner: me\n")).message());
        assertEquals("unknown key 'colour' in top-level plot 'roc'",
                one(yaml("plots:\n  - roc:\n      colour: red\n")).message());
    }

    // ---- foreach / do / matrix -----------------------------------------------------------------------------------

    @Test
    void aForeachGroupMayOnlyHoldForeachAndDo() {
        SchemaProblem p = one(yaml("stages:\n  g:\n    foreach: [1]\n    do: {cmd: x}\n    wdir: sub\n"));
        assertEquals("unknown key 'wdir' in stage 'g'", p.message());
        assertTrue(p.hint().contains("move 'wdir' under 'do:'"), p.hint());
        SchemaProblem m = one(yaml("stages:\n  g:\n    foreach: [1]\n    do: {cmd: x}\n    matrix: {a: [1]}\n"));
        assertTrue(m.hint().contains("cannot be combined"), m.hint());
    }

    @Test
    void foreachWithoutDoIsOneProblem() {
        SchemaProblem p = one(yaml("stages:\n  g:\n    foreach: [1, 2]\n    cmd: echo ${item}\n    outs: [o]\n"));
        assertEquals("stage 'g' has 'foreach' but no 'do'", p.message());
        assertTrue(p.hint().contains("cmd, outs"), p.hint());
        assertEquals(new Pos(3, 5), p.pos());
        SchemaProblem bare = one(yaml("stages:\n  g:\n    foreach: [1, 2]\n"));
        assertEquals("stage 'g' has 'foreach' but no 'do'", bare.message());
    }

    @Test
    void doWithoutForeach() {
        assertEquals("stage 'g' has 'do' but no 'foreach'", one(yaml("stages:\n  g:\n    do: {cmd: x}\n")).message());
    }

    @Test
    void foreachMustBeAListAMappingOrAString() {
        SchemaProblem p = one(yaml("stages:\n  g:\n    foreach: 3\n    do: {cmd: x}\n"));
        assertEquals("'foreach' in stage 'g' must be a dictionary, a list or a string, got int 3", p.message());
        assertEquals(new Pos(3, 14), p.pos());
    }

    @Test
    void theDoTemplateIsAFullStage() {
        assertEquals("'do' of stage 'g' has no 'cmd'",
                one(yaml("stages:\n  g:\n    foreach: [1]\n    do: {deps: [a]}\n")).message());
        assertEquals("'cmd' in stage 'g' must be a string or a list, got int 1",
                one(yaml("stages:\n  g:\n    foreach: [1]\n    do: {cmd: 1}\n")).message());
    }

    @Test
    void matrixStagesNeedCmdAndListOrStringAxes() {
        SchemaProblem p = one(yaml("stages:\n  m:\n    matrix: {a: [1]}\n"));
        assertEquals("stage 'm' has no 'cmd'", p.message());
        assertEquals(new Pos(3, 5), p.pos());
        assertEquals("matrix axis 'a' in stage 'm' must be a string or a list, got int 1",
                one(yaml("stages:\n  m:\n    matrix: {a: 1}\n    cmd: x\n")).message());
        assertEquals("'matrix' in stage 'm' must be a dictionary, got a list",
                one(yaml("stages:\n  m:\n    matrix: [1]\n    cmd: x\n")).message());
    }

    // ---- types ---------------------------------------------------------------------------------------------------

    @Test
    void templatedBooleansAreRejectedAsInDvc() {
        SchemaProblem p = one(yaml("stages:\n  train:\n    cmd: x\n    frozen: ${flag}\n"));
        assertEquals("'frozen' in stage 'train' must be a boolean (true or false), got str '${flag}'", p.message());
        assertEquals(new Pos(4, 13), p.pos());
        assertTrue(p.hint().contains("before templating") && p.hint().contains("6989"), p.hint());
        SchemaProblem cache = one(yaml("stages:\n  t:\n    cmd: x\n    outs:\n      - o: {cache: '${c}'}\n"));
        assertEquals("'cache' of output 'o' in stage 't' must be a boolean (true or false), got str '${c}'",
                cache.message());
    }

    @Test
    void booleansAreStrict() {
        assertEquals("'always_changed' in stage 't' must be a boolean (true or false), got int 1",
                one(yaml("stages:\n  t:\n    cmd: x\n    always_changed: 1\n")).message());
        SchemaProblem yes = one(yaml("stages:\n  t:\n    cmd: x\n    frozen: yes\n"));
        assertTrue(yes.hint().contains("YAML 1.2"), yes.hint());
        SchemaProblem quoted = one(yaml("stages:\n  t:\n    cmd: x\n    frozen: 'true'\n"));
        assertTrue(quoted.hint().contains("without quotes"), quoted.hint());
    }

    @Test
    void anEmptyListKeyIsNoneAndPointsAtTheKey() {
        SchemaProblem p = one(yaml("stages:\n  x:\n    cmd: a\n    deps:\n    outs: [o]\n"));
        assertEquals("'deps' in stage 'x' must be a list, got None", p.message());
        assertEquals(new Pos(4, 5), p.pos());
        assertTrue(p.hint().contains("[]"), p.hint());
    }

    @Test
    void typeErrorsAtEachStageField() {
        assertEquals("'cmd' in stage 't' must be a string or a list, got a dictionary",
                one(yaml("stages:\n  t:\n    cmd: {a: b}\n")).message());
        assertEquals("'wdir' in stage 't' must be a string, got None",
                one(yaml("stages:\n  t:\n    cmd: x\n    wdir:\n")).message());
        assertEquals("'deps' in stage 't' must be a list, got str 'a.csv'",
                one(yaml("stages:\n  t:\n    cmd: x\n    deps: a.csv\n")).message());
        assertEquals("item 2 of 'deps' in stage 't' must be a string, got int 3",
                one(yaml("stages:\n  t:\n    cmd: x\n    deps: [a, 3]\n")).message());
        assertEquals("item 1 of 'params' in stage 't' must be a string or a dictionary, got a list",
                one(yaml("stages:\n  t:\n    cmd: x\n    params: [[a]]\n")).message());
        assertEquals("item 1 of 'vars' in stage 't' must be a string or a dictionary, got int 1",
                one(yaml("stages:\n  t:\n    cmd: x\n    vars: [1]\n")).message());
        assertEquals("'desc' in stage 't' must be a string, got int 1",
                one(yaml("stages:\n  t:\n    cmd: x\n    desc: 1\n")).message());
        assertEquals("item 1 of 'outs' in stage 't' must be a string or a dictionary, got int 5",
                one(yaml("stages:\n  t:\n    cmd: x\n    outs: [5]\n")).message());
        assertEquals("'labels' of output 'o' in stage 't' must be a list, got str 'a'",
                one(yaml("stages:\n  t:\n    cmd: x\n    outs:\n      - o: {labels: a}\n")).message());
        assertEquals("'remote' of output 'o' in stage 't' must be a string, got int 1",
                one(yaml("stages:\n  t:\n    cmd: x\n    outs:\n      - o: {remote: 1}\n")).message());
        assertEquals("the flags of plot 'p' in stage 't' must be a dictionary or a list, got str 'x'",
                one(yaml("stages:\n  t:\n    cmd: x\n    plots:\n      - p: x\n")).message());
        assertEquals("'header' of plot 'p' in stage 't' must be a boolean (true or false), got str 'no'",
                one(yaml("stages:\n  t:\n    cmd: x\n    plots:\n      - p: {header: no}\n")).message());
    }

    @Test
    void outputFlagsMustBeAMappingNotNone() {
        SchemaProblem p = one(yaml("stages:\n  t:\n    cmd: x\n    outs:\n      - model.pkl:\n"));
        assertEquals("the flags of output 'model.pkl' in stage 't' must be a dictionary, got None", p.message());
        assertEquals(new Pos(5, 9), p.pos());
        assertTrue(p.hint().contains("remove the colon"), p.hint());
    }

    @Test
    void aStageMustBeAMapping() {
        SchemaProblem p = one(yaml("stages:\n  a:\n    cmd: x\n  b:\n"));
        assertEquals("stage 'b' must be a dictionary, got None", p.message());
        assertEquals(new Pos(4, 3), p.pos());
        List<SchemaProblem> both = yaml("stages:\n  a:\n    cmd: x\n  b:\n  c:\n    - cmd: x\n");
        assertEquals(2, both.size(), both::toString);
        assertEquals("stage 'c' must be a dictionary, got a list", both.get(1).message());
        assertTrue(both.get(1).hint().contains("not a list"), both.get(1).hint());
    }

    @Test
    void topLevelSections() {
        SchemaProblem plots = one(yaml("plots:\n  roc:\n    x: fpr\n    y: tpr\n"));
        assertEquals("top-level 'plots' must be a list, got a dictionary", plots.message());
        assertTrue(plots.hint().contains("since DVC 3.0") && plots.hint().contains("- roc:"), plots.hint());
        assertEquals(new Pos(2, 3), plots.pos());
        assertEquals("item 1 of top-level 'params' must be a string, got a dictionary",
                one(yaml("params:\n  - p.yaml: [a]\n")).message());
        assertEquals("top-level 'metrics' must be a list, got str 'm.json'",
                one(yaml("metrics: m.json\n")).message());
        assertEquals("top-level 'vars' must be a list, got a dictionary", one(yaml("vars:\n  a: 1\n")).message());
        assertEquals("'y' of top-level plot 'p' must be a string, a list or a dictionary, got int 1",
                one(yaml("plots:\n  - p:\n      y: 1\n")).message());
        assertEquals("item 1 of 'y' of top-level plot 'p' must be a string, got int 1",
                one(yaml("plots:\n  - p:\n      y: [1]\n")).message());
        assertEquals("'f.csv' of 'x' of top-level plot 'p' must be a string, got a list",
                one(yaml("plots:\n  - p:\n      x: {f.csv: [a]}\n")).message());
        assertEquals("top-level plot 'p' must be a dictionary or empty (null), got str 'x'",
                one(yaml("plots:\n  - p: x\n")).message());
        assertEquals("item 1 of top-level 'plots' is an empty mapping", one(yaml("plots:\n  - {}\n")).message());
        assertEquals("'path' of artifact 'm' must be a string, got int 1",
                one(yaml("artifacts:\n  m:\n    path: 1\n")).message());
        assertEquals("artifact 'm' has no 'path'", one(yaml("artifacts:\n  m:\n    type: model\n")).message());
    }

    @Test
    void aUnionTypeErrorIsOneProblem() {
        // networknt evaluates if/then/else and type unions; the cascade must not reach the user
        assertEquals(1, yaml("stages:\n  t: 5\n").size());
        assertEquals(1, yaml("stages:\n  t:\n    cmd: x\n    plots:\n      - 7\n").size());
        assertEquals(1, yaml("stages:\n  t:\n    cmd: x\n    outs:\n      - o: [1]\n").size());
    }

    // ---- keys that are not strings -------------------------------------------------------------------------------

    @Test
    void nonStringKeysAreRejected() {
        SchemaProblem p = one(yaml("stages:\n  1:\n    cmd: x\n"));
        assertEquals("stage name 1 in top-level 'stages' is an int, not a string", p.message());
        assertEquals(new Pos(2, 3), p.pos());
        assertTrue(p.hint().contains("quote it ('1')"), p.hint());
        SchemaProblem flag = one(yaml("stages:\n  t:\n    cmd: x\n    outs:\n      - o: {true: 1}\n"));
        assertEquals("unknown flag 'true' for output 'o' in stage 't'", flag.message());
        SchemaProblem out = one(yaml("stages:\n  t:\n    cmd: x\n    outs:\n      - 3: {cache: false}\n"));
        assertTrue(out.message().startsWith("key 3 in item 1 of 'outs' in stage 't' is an int"), out.message());
        // free-form values keep any keys
        assertValid(yaml("stages:\n  t:\n    cmd: x\n    meta: {1: a, null: b}\n"));
    }

    // ---- order and helpers ---------------------------------------------------------------------------------------

    @Test
    void problemsAreSortedByPosition() {
        List<SchemaProblem> ps = yaml("stages:\n  b:\n    cmd: x\n    zz: 1\n  a:\n    cmd: 1\n    frozen: 2\nfoo: 1\n");
        assertEquals(4, ps.size(), ps::toString);
        for (int i = 1; i < ps.size(); i++) assertTrue(ps.get(i - 1).pos().compareTo(ps.get(i).pos()) <= 0, ps::toString);
    }

    @Test
    void nearestKeyUsesDamerauLevenshtein() {
        assertEquals(1, io.dvclint.findings.Suggest.distance("dpes", "deps"));
        assertEquals(1, io.dvclint.findings.Suggest.distance("dep", "deps"));
        assertEquals(3, io.dvclint.findings.Suggest.distance("kitten", "sitting"));
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(List.of("cmd", "deps", "outs", "frozen", "wdir"));
        assertEquals("frozen", ProblemReporter.nearest("forzen", keys));
        assertEquals("cmd", ProblemReporter.nearest("command", keys));
        assertNull(ProblemReporter.nearest("xyz", keys));
        assertNotNull(ProblemReporter.nearest("Deps", keys));
        assertFalse(ProblemReporter.expected(List.of("string", "array")).isEmpty());
    }

    @Test
    void bundledSchemasAreServedWithDescriptions() {
        String s = SchemaValidator.schemaText(SchemaValidator.DVC_YAML_SCHEMA);
        assertTrue(s.contains("\"markdownDescription\""));
        assertTrue(SchemaValidator.schemaText(SchemaValidator.DVC_LOCK_SCHEMA).contains("\"2.0\""));
    }

    /** The texts compiled in at build time are the files in schema/, byte for byte (and the jar's resources). */
    @Test
    void compiledInSchemaTextsAreTheSchemaFiles() throws java.io.IOException {
        for (String name : List.of(SchemaValidator.DVC_YAML_SCHEMA, SchemaValidator.DVC_LOCK_SCHEMA)) {
            String file = java.nio.file.Files.readString(java.nio.file.Path.of("schema", name));
            assertEquals(file, SchemaTexts.of(name), name);
            assertEquals(file, SchemaValidator.schemaText(name), name);
            try (java.io.InputStream in = SchemaValidator.class.getResourceAsStream(SchemaValidator.RESOURCE_DIR + name)) {
                assertEquals(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), name);
            }
        }
        assertNull(SchemaTexts.of("other.schema.json"));
    }
}
