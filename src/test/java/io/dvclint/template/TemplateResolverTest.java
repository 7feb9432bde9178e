package io.dvclint.template;

import static io.dvclint.template.Fixture.assertOnlyError;
import static io.dvclint.template.Fixture.messages;
import static io.dvclint.template.Fixture.names;
import static io.dvclint.template.Fixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YScalar;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateResolverTest {
    @TempDir
    Path tmp;
    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = new Fixture(tmp);
    }

    // ------------------------------------------------------------------------------------------ context (§2.1)

    @Test
    void paramsYamlIsLoadedFirstThenVarsInOrder() {
        fx.file("params.yaml", "lr: 0.001\nmodel: {name: cnn}\n")
                .file("conf/extra.yaml", "epochs: 10\n")
                .file("../outside.yaml", "shared: up\n");
        var r = fx.resolve("""
                vars:
                  - conf/extra.yaml
                  - ../outside.yaml
                  - inline: yes
                stages:
                  train:
                    cmd: python train.py ${lr} ${model.name} ${epochs} ${shared} ${inline}
                """);
        assertEquals(List.of(), messages(r));
        assertEquals("python train.py 0.001 cnn 10 up yes", value(r, "train", "cmd"));
        assertTrue(r.contextOk());
    }

    @Test
    void withoutParamsYamlTheContextIsJustVars() {
        var r = fx.resolve("""
                vars:
                  - {a: 1}
                stages:
                  s:
                    cmd: echo ${a}
                """);
        assertEquals("echo 1", value(r, "s", "cmd"));
    }

    @Test
    void partialImportTakesOnlyTheListedKeys() {
        fx.file("p.yaml", "a: 1\nb: 2\nc: 3\n");
        var r = fx.resolve("""
                vars:
                  - p.yaml:a,b
                stages:
                  s:
                    cmd: echo ${a} ${b}
                  t:
                    cmd: echo ${c}
                """);
        assertEquals("echo 1 2", value(r, "s", "cmd"));
        assertEquals(List.of("s"), names(r));
        assertOnlyError(r, "failed to parse 'stages.t.cmd' in 'dvc.yaml': Could not find 'c'");
    }

    @Test
    void partialImportOfMissingKeyAndMissingFile() {
        fx.file("p.yaml", "sub1: 1\n");
        var r = fx.resolve("""
                vars:
                  - p.yaml:sub2
                stages:
                  s:
                    cmd: echo
                """);
        assertOnlyError(r, "failed to parse 'vars' in 'dvc.yaml': could not find 'sub2' in 'p.yaml'");
        assertFalse(r.contextOk());
        assertEquals(new Pos(2, 5), r.problems().get(0).pos());

        var r2 = fx.resolve("""
                stages:
                  build:
                    vars: [not_existing_params.yaml]
                    cmd: echo ${models.foo}
                """);
        assertOnlyError(r2, "failed to parse stage 'build' in 'dvc.yaml': 'not_existing_params.yaml' does not exist");
        assertEquals(List.of(), names(r2));
    }

    @Test
    void directoryAndNonMappingFiles() {
        fx.file("d/x.yaml", "a: 1\n").file("l.yaml", "- 1\n- 2\n");
        assertOnlyError(fx.resolve("vars: [d]\nstages: {}\n"), "failed to parse 'vars' in 'dvc.yaml': 'd' is a directory");
        assertOnlyError(fx.resolve("vars: [l.yaml]\nstages: {}\n"),
                "failed to parse 'vars' in 'dvc.yaml': expected a dictionary, got 'list' in file 'l.yaml'");
    }

    @Test
    void redefiningALeafNamesBothSources() {
        var r = fx.resolve("""
                vars:
                  - models: {foo: 1, bar: 2}
                  - models: {baz: 3, bar: 4}
                stages:
                  s:
                    cmd: echo ${models.foo}
                """);
        assertOnlyError(r, "failed to parse 'vars' in 'dvc.yaml': "
                + "cannot redefine 'models.bar' from 'vars[1]' as it already exists in 'vars[0]'");
        // positioned at the redefined key of the second inline mapping
        assertEquals(new Pos(3, 22), r.problems().get(0).pos());
    }

    @Test
    void redefiningAParamsYamlValue() {
        fx.file("params.yaml", "lr: 1\n").file("other.yaml", "lr: 2\n");
        assertOnlyError(fx.resolve("vars: [other.yaml]\nstages: {}\n"),
                "failed to parse 'vars' in 'dvc.yaml': cannot redefine 'lr' from 'other.yaml' as it already exists in "
                        + "'params.yaml'");
    }

    @Test
    void nestedMappingsMergeRecursively() {
        var r = fx.resolve("""
                vars:
                  - models: {foo: 1}
                  - models: {bar: 2}
                stages:
                  s:
                    cmd: echo ${models.foo} ${models.bar}
                """);
        assertEquals("echo 1 2", value(r, "s", "cmd"));
    }

    @Test
    void sameWholeFileTwiceIsSkippedAndPartialConflictsAreErrors() {
        fx.file("p.yaml", "foo: foo\nbar: bar\n");
        for (String vars : List.of("[p.yaml, p.yaml]", "[p.yaml:bar, p.yaml:foo]", "['p.yaml:foo,bar']", "[params.yaml]")) {
            if (vars.contains("params")) fx.file("params.yaml", "bar: bar\n");
            var r = fx.resolve("vars: " + vars + "\nstages:\n  s:\n    cmd: echo ${bar}\n");
            assertEquals(List.of(), messages(r), vars);
            assertEquals("echo bar", value(r, "s", "cmd"));
        }
        fx.file("params.yaml", "other: 1\n");
        assertOnlyError(fx.resolve("vars: [p.yaml:foo, p.yaml]\nstages: {}\n"),
                "failed to parse 'vars' in 'dvc.yaml': cannot load 'p.yaml' as it's partially loaded already");
        assertOnlyError(fx.resolve("vars: [p.yaml, p.yaml:foo]\nstages: {}\n"),
                "failed to parse 'vars' in 'dvc.yaml': cannot partially load 'p.yaml:foo' as it's already loaded.");
        assertOnlyError(fx.resolve("vars: [p.yaml:foo, 'p.yaml:foo,bar']\nstages: {}\n"),
                "failed to parse 'vars' in 'dvc.yaml': cannot load 'p.yaml:foo,bar' as it's partially loaded already");
    }

    @Test
    void stageVarsReuseTheGlobalImportOfTheSameFile() {
        fx.file("params.yaml", "bar: bar\nfoo: foo\n");
        var r = fx.resolve("""
                vars: [params.yaml]
                stages:
                  build:
                    wdir: data
                    cmd: echo ${bar}
                    vars: [../params.yaml]
                  partial:
                    cmd: echo ${bar}
                    vars: [params.yaml:foo]
                """);
        assertEquals("echo bar", value(r, "build", "cmd"));
        assertFalse(r.stage("build").def().has("vars"));
        assertOnlyError(r, "failed to parse 'stages.partial.vars' in 'dvc.yaml': "
                + "cannot partially load 'params.yaml:foo' as it's already loaded.");
    }

    @Test
    void stageVarsAreRelativeToTheResolvedWdir() {
        fx.file("sub/local.yaml", "x: fromsub\n").file("local.yaml", "x: fromroot\n");
        var r = fx.resolve("""
                vars:
                  - dir: sub
                stages:
                  a:
                    wdir: ${dir}
                    vars: [local.yaml]
                    cmd: echo ${x}
                  b:
                    vars: [local.yaml]
                    cmd: echo ${x}
                """);
        assertEquals(List.of(), messages(r));
        assertEquals("echo fromsub", value(r, "a", "cmd"));
        assertEquals("sub", value(r, "a", "wdir"));
        assertEquals("echo fromroot", value(r, "b", "cmd"));
    }

    @Test
    void stageVarsDoNotLeakIntoOtherStages() {
        var r = fx.resolve("""
                stages:
                  a:
                    vars: [{only: here}]
                    cmd: echo ${only}
                  b:
                    cmd: echo ${only}
                """);
        assertEquals("echo here", value(r, "a", "cmd"));
        assertOnlyError(r, "failed to parse 'stages.b.cmd' in 'dvc.yaml': Could not find 'only'");
    }

    @Test
    void stageVarsRedefiningGlobalValues() {
        var r = fx.resolve("""
                vars: [{models: {foo: 1}}]
                stages:
                  build:
                    vars: [{models: {foo: 2}}]
                    cmd: echo
                """);
        assertOnlyError(r, "failed to parse stage 'build' in 'dvc.yaml': "
                + "cannot redefine 'models.foo' from 'build.vars[0]' as it already exists in 'vars[0]'");
    }

    @Test
    void wdirIsResolvedBeforeStageVars() {
        var r = fx.resolve("""
                stages:
                  build:
                    vars: [{d: x}]
                    wdir: ${d}
                    cmd: echo
                """);
        assertOnlyError(r, "failed to parse 'stages.build.wdir' in 'dvc.yaml': Could not find 'd'");
    }

    @Test
    void interpolationInsideVarsIsRejected() {
        var r = fx.resolve("""
                vars:
                  - {foo: "${bar}"}
                stages: {}
                """);
        assertOnlyError(r, "failed to parse 'vars' in 'dvc.yaml': interpolating is not allowed");
        assertEquals(new Pos(2, 11), r.problems().get(0).pos());
        for (String v : List.of("'${file}_params.yaml'", "{foo: '${foo}'}")) {
            var s = fx.resolve("stages:\n  build:\n    vars: [" + v + "]\n    cmd: echo\n");
            assertOnlyError(s, "failed to parse 'stages.build.vars' in 'dvc.yaml': interpolating is not allowed");
        }
    }

    @Test
    void nonStringKeysAreDroppedFromTheContext() {
        fx.file("params.yaml", "1: one\ntrue: yes\nnested: {2: two, k: v}\n");
        var r = fx.resolve("""
                stages:
                  a:
                    cmd: echo ${nested.k}
                  b:
                    cmd: echo ${1}
                  c:
                    cmd: echo ${nested.2}
                """);
        assertEquals("echo v", value(r, "a", "cmd"));
        assertEquals(List.of("a"), names(r));
        assertEquals(2, r.errors().size());
    }

    @Test
    void reservedItemAndKeyInGeneratedStageVars() {
        fx.file("test_params.yaml", "item: 5\nkey: 10\n");
        var r = fx.resolve("""
                stages:
                  build:
                    foreach: {model1: {thresh: '10'}, model2: {thresh: 5}}
                    do:
                      vars: [{item: 5}]
                      cmd: ${item}
                  fromfile:
                    foreach: {m: 1}
                    do:
                      vars: [test_params.yaml]
                      cmd: echo
                """);
        assertEquals(List.of(), names(r));
        assertEquals(List.of(
                "failed to parse stage 'build@model1' in 'dvc.yaml': attempted to modify reserved key item"
                        + " (and in 1 more stage generated from 'build')",
                "failed to parse stage 'fromfile@m' in 'dvc.yaml': attempted to modify reserved keys item and key in "
                        + "'test_params.yaml'"), messages(r));
    }

    @Test
    void globalItemOnlyWarns() {
        var r = fx.resolve("""
                vars: [{item: 10, key: 10}]
                stages:
                  build:
                    foreach: {model1: 10, model2: 5}
                    do:
                      cmd: echo ${item} ${key}
                  lst:
                    foreach: [a]
                    do:
                      cmd: echo ${item}
                  after:
                    cmd: echo ${item}
                """);
        assertEquals(List.of("build@model1", "build@model2", "lst@a", "after"), names(r));
        assertEquals("echo 10 model1", value(r, "build@model1", "cmd"));
        assertEquals("echo 10", value(r, "after", "cmd"));
        assertEquals(List.of("item and key are already specified, will be overwritten for stages generated from 'build'",
                "item is already specified, will be overwritten for stages generated from 'lst'"), messages(r));
        assertTrue(r.problems().stream().allMatch(TemplateProblem::warning));
        assertEquals(List.of(), r.errors());
    }

    // ------------------------------------------------------------------------------------------ ${} syntax (§2.2)

    @Test
    void dottedBracketAndWhitespaceAccess() {
        fx.file("params.yaml", """
                dict:
                  - {f: f}
                  - {fo: fo}
                  - {foo: [f, o, o]}
                models: {m1: {lr: 0.1}}
                नेपाली: {चिया: [चि, या]}
                """);
        var r = fx.resolve("""
                stages:
                  s:
                    cmd: ${dict[0].f}-${ dict.1.fo}${dict.2.foo.1}bar ${models[m1].lr} ${dict[2][foo][-1]}
                    deps: ["${नेपाली[चिया][0]}${नेपाली.चिया[1]}"]
                """);
        assertEquals(List.of(), messages(r));
        assertEquals("f-foobar 0.1 o", value(r, "s", "cmd"));
        assertEquals("चिया", value(r, "s", "deps.0"));
    }

    @Test
    void escapesBecomeLiteral() {
        var r = fx.resolve("""
                vars: [{value: value}]
                stages:
                  s:
                    cmd: Great shot kid, that was \\${value} in a ${value}
                    deps:
                      - \\${ value } days
                      - May the \\${value} be with you
                """);
        assertEquals("Great shot kid, that was ${value} in a value", value(r, "s", "cmd"));
        assertEquals("${ value } days", value(r, "s", "deps.0"));
        assertEquals("May the ${value} be with you", value(r, "s", "deps.1"));
        assertFalse(TemplateResolver.containsTemplate("\\${value} only"));
        assertTrue(TemplateResolver.containsTemplate("a ${b} c"));
        assertFalse(TemplateResolver.containsTemplate("a $b {c}"));
        assertFalse(TemplateResolver.containsTemplate("${\n}"));
    }

    @Test
    void wholeValueKeepsTypeAndInStringUsesPythonStr() {
        fx.file("params.yaml", """
                i: 12
                f: 1.0e-5
                big: 3.0e4
                inf: .inf
                t: true
                n: null
                s: '0'
                """);
        var r = fx.resolve("""
                stages:
                  s:
                    cmd: echo ${i} ${f} ${big} ${inf} ${t} ${n} ${s}
                    meta:
                      i: ${i}
                      f: ${f}
                      t: ${t}
                      n: ${n}
                      s: ${s}
                """);
        assertEquals(List.of(), messages(r));
        assertEquals("echo 12 1e-05 30000.0 inf true None 0", value(r, "s", "cmd"));
        assertEquals(12L, value(r, "s", "meta.i"));
        assertEquals(1.0e-5, value(r, "s", "meta.f"));
        assertEquals(Boolean.TRUE, value(r, "s", "meta.t"));
        assertNull(value(r, "s", "meta.n"));
        assertEquals("0", value(r, "s", "meta.s"));
    }

    @Test
    void containersCannotBeInterpolatedOutsideCmd() {
        fx.file("params.yaml", "models: {}\nlst: [a, b]\n");
        var r = fx.resolve("""
                stages:
                  build:
                    cmd: echo
                    outs: ${models}
                  deps:
                    cmd: echo
                    deps:
                      - ${lst}
                  lstcmd:
                    cmd: echo ${lst}
                """);
        assertEquals(List.of(
                "failed to parse 'stages.build.outs' in 'dvc.yaml': Cannot interpolate data of type 'dict'",
                "failed to parse 'stages.deps.deps' in 'dvc.yaml': Cannot interpolate data of type 'list'",
                "failed to parse 'stages.lstcmd.cmd' in 'dvc.yaml': Cannot interpolate data of type 'list'"),
                messages(r));
        assertEquals(List.of(), names(r));
    }

    @Test
    void dictUnpackingInCmd() {
        fx.file("params.yaml", """
                dict:
                  foo: foo
                  bar: 2
                  string: spaced string
                  mixed_quote_string: quote"'d
                  bool: true
                  bool-false: false
                  list: [1, 2, foo, quote"'d]
                  nested: {foo: foo}
                  empty: {}
                  none: null
                  fl: 0.5
                deep: {list: [1, [2, 3]]}
                """);
        var r = fx.resolve("""
                stages:
                  stage1:
                    cmd: python script.py ${dict}
                  whole:
                    cmd: ${dict.nested}
                  nested:
                    cmd: echo ${deep}
                """);
        assertEquals("python script.py --foo foo --bar 2 --string 'spaced string' --mixed_quote_string 'quote\"'\"'\"'d'"
                + " --bool --list 1 2 foo 'quote\"'\"'\"'d' --nested.foo foo --none None --fl 0.5",
                value(r, "stage1", "cmd"));
        assertEquals(Map.of("foo", "foo"), value(r, "whole", "cmd"));
        assertOnlyError(r, "failed to parse 'stages.nested.cmd' in 'dvc.yaml': Cannot interpolate nested iterable in 'list'");
    }

    @Test
    void mappingKeysAreInterpolatedStageNamesAreNot() {
        var r = fx.resolve("""
                vars: [{model: model.pkl, name: x}]
                stages:
                  ${name}:
                    cmd: echo
                    outs:
                      - ${model}:
                          cache: false
                """);
        assertEquals(List.of("${name}"), names(r));
        YMap out = (YMap) ((io.dvclint.yaml.YSeq) r.stage("${name}").def().get("outs")).get(0);
        assertEquals("model.pkl", out.entries().get(0).key().value());
        assertEquals(Map.of("cache", false), out.get("model.pkl").toJava());
    }

    @Test
    void syntaxErrorsArePositionedAndWorded() {
        fx.file("params.yaml", "models: {foo: bar}\n");
        var r = fx.resolve("""
                stages:
                  build:
                    cmd: echo ${models.foo.}
                  empty:
                    cmd: echo ${}
                  wd:
                    wdir: ${models.foo]}
                    cmd: echo
                  dots:
                    cmd: echo ${a..b}
                """);
        assertEquals(List.of(
                "failed to parse 'stages.build.cmd' in 'dvc.yaml': ${models.foo.}: ParseException: Expected end of text,"
                        + " found '.'  (at char 12), (line:1, col:13)",
                "failed to parse 'stages.empty.cmd' in 'dvc.yaml': ${}: ParseException: Expected !W:(.[]), found '}'"
                        + "  (at char 2), (line:1, col:3)",
                "failed to parse 'stages.wd.wdir' in 'dvc.yaml': ${models.foo]}: ParseException: Expected end of text,"
                        + " found ']'  (at char 12), (line:1, col:13)",
                "failed to parse 'stages.dots.cmd' in 'dvc.yaml': ${a..b}: ParseException: Expected end of text,"
                        + " found '.'  (at char 3), (line:1, col:4)"), messages(r));
        assertEquals(new Pos(3, 15), r.problems().get(0).pos());
        assertEquals(List.of(), names(r));
    }

    @Test
    void syntaxErrorWinsOverMissingKeyInTheSameStage() {
        var r = fx.resolve("""
                stages:
                  build:
                    cmd: echo ${missing}
                    deps: ['${bad.[x}']
                """);
        assertEquals(1, r.errors().size());
        assertTrue(r.problems().get(0).message().startsWith("failed to parse 'stages.build.deps'"));
    }

    @Test
    void missingKeyPositionsAndDidYouMean() {
        fx.file("params.yaml", "train:\n  epochs: 10\n  lr: 0.1\n");
        var r = fx.resolve("""
                stages:
                  train:
                    cmd: python train.py --epochs ${train.epoch}
                  quoted:
                    cmd: "python ${trian.lr}"
                  block:
                    cmd: >-
                      python
                      ${nothing.like.this}
                  ok:
                    cmd: echo ${train.lr}
                """);
        assertEquals(List.of(
                "failed to parse 'stages.train.cmd' in 'dvc.yaml': Could not find 'train.epoch'; did you mean "
                        + "'train.epochs'?",
                "failed to parse 'stages.quoted.cmd' in 'dvc.yaml': Could not find 'trian.lr'; did you mean 'train.lr'?",
                "failed to parse 'stages.block.cmd' in 'dvc.yaml': Could not find 'nothing.like.this'"), messages(r));
        assertEquals(new Pos(3, 35), r.problems().get(0).pos());
        assertEquals(new Pos(5, 18), r.problems().get(1).pos());
        assertEquals(new Pos(7, 10), r.problems().get(2).pos());
        assertEquals("train", r.problems().get(0).stage());
        assertEquals(List.of("ok"), names(r));
    }

    @Test
    void everyProblemIsReportedAndOtherStagesResolve() {
        var r = fx.resolve("""
                vars: [{a: 1}]
                stages:
                  one:
                    cmd: echo ${x} ${y}
                    deps: ['${z}']
                  two:
                    cmd: echo ${a}
                  three:
                    cmd: echo ${w}
                """);
        assertEquals(List.of("two"), names(r));
        assertEquals(4, r.errors().size());
    }

    @Test
    void resolvedNodesKeepTheirSourcePositions() {
        fx.file("params.yaml", "out: model.pkl\nn: 3\n");
        var r = fx.resolve("""
                stages:
                  s:
                    cmd: train ${n}
                    outs:
                      - ${out}
                    plain: 7
                """);
        YMap def = r.stage("s").def();
        assertEquals(new Pos(2, 3), r.stage("s").namePos());
        assertEquals(new Pos(3, 10), def.get("cmd").pos());
        YScalar out = (YScalar) ((io.dvclint.yaml.YSeq) def.get("outs")).get(0);
        assertEquals("model.pkl", out.value());
        assertEquals(new Pos(5, 9), out.pos());
        assertEquals(new Pos(6, 12), def.get("plain").pos());
    }

    // ------------------------------------------------------------------------------------------ foreach (§2.3)

    @Test
    void foreachOverListDictAndReference() {
        fx.file("params.yaml", "models: {us: {thresh: 10}, uk: {thresh: 5}}\nraw: [raw1, raw2]\n");
        var r = fx.resolve("""
                stages:
                  build:
                    foreach: ${models}
                    do:
                      cmd: echo ${key} ${item.thresh}
                  cleanups:
                    foreach: ${raw}
                    do:
                      cmd: clean ${item}
                      outs: ['${item}.out']
                  lit:
                    foreach: {a: 1, 2: b, true: c}
                    do:
                      cmd: echo ${key}=${item}
                """);
        assertEquals(List.of(), messages(r));
        assertEquals(List.of("build@us", "build@uk", "cleanups@raw1", "cleanups@raw2", "lit@a", "lit@2", "lit@true"),
                names(r));
        assertEquals("echo uk 5", value(r, "build@uk", "cmd"));
        assertEquals("raw2.out", value(r, "cleanups@raw2", "outs.0"));
        assertEquals("echo true=c", value(r, "lit@true", "cmd"));
        assertEquals("build", r.stage("build@us").group());
        assertFalse(r.stage("build@us").def().has("do"));
        assertFalse(r.stage("build@us").def().has("foreach"));
    }

    @Test
    void foreachKeyNormalization() {
        var r = fx.resolve("""
                stages:
                  s:
                    foreach: [1, 1.5, true, null, foo, 1]
                    do:
                      cmd: echo ${item}
                  c:
                    foreach: [a, [b], {x: y}]
                    do:
                      cmd: echo
                  d:
                    foreach: [x, 'y', x]
                    do:
                      cmd: echo ${item}
                """);
        assertEquals(List.of(), messages(r));
        assertEquals(List.of("s@1", "s@1.5", "s@true", "s@None", "s@foo", "c@0", "c@1", "c@2", "d@x", "d@y"), names(r));
        // a list item without `key`
        var r2 = fx.resolve("stages:\n  s:\n    foreach: [a]\n    do:\n      cmd: echo ${key}\n");
        assertOnlyError(r2, "failed to parse 'stages.s@a.cmd' in 'dvc.yaml': Could not find 'key'");
    }

    @Test
    void foreachFromContextUsesPythonStrForKeys() {
        // DVC keeps context nodes, whose str() prints booleans as True/False
        fx.file("params.yaml", "flags: [true, false]\n");
        var r = fx.resolve("stages:\n  s:\n    foreach: ${flags}\n    do:\n      cmd: echo ${item}\n");
        assertEquals(List.of("s@True", "s@False"), names(r));
        assertEquals("echo true", value(r, "s@True", "cmd"));
    }

    @Test
    void foreachMustResolveToListOrDict() {
        fx.file("params.yaml", "foo: bar\ndct: {model1: a-out}\nlst: [foo, bar]\nnum: 3\n");
        for (String data : List.of("${foo}", "${dct.model1}", "${lst.0}", "foobar")) {
            var r = fx.resolve("stages:\n  build:\n    foreach: " + data + "\n    do:\n      cmd: echo\n");
            assertOnlyError(r, "failed to resolve 'stages.build.foreach' in 'dvc.yaml': expected list/dictionary, got str");
        }
        assertOnlyError(fx.resolve("stages:\n  build:\n    foreach: ${num}\n    do:\n      cmd: echo\n"),
                "failed to resolve 'stages.build.foreach' in 'dvc.yaml': expected list/dictionary, got int");
        assertOnlyError(fx.resolve("stages:\n  build:\n    foreach: ${modelss.123}\n    do:\n      cmd: echo\n"),
                "failed to parse 'stages.build.foreach' in 'dvc.yaml': Could not find 'modelss.123'");
    }

    @Test
    void foreachErrorsAreLocatedAtGroupOrGeneratedStage() {
        var r = fx.resolve("""
                vars: [{foo: bar}]
                stages:
                  build:
                    foreach: [{thresh: '10'}, {}]
                    do:
                      cmd: ${item.thresh}
                  syn:
                    foreach: [foo, bar]
                    do:
                      cmd: echo ${syntax.[error}
                  all:
                    foreach: [a, b, c]
                    do:
                      cmd: echo ${foo.bar}
                  wd:
                    foreach: [foo]
                    do:
                      wdir: ${ite}
                      cmd: echo
                """);
        assertEquals(List.of("build@0"), names(r));
        assertEquals(List.of(
                "failed to parse 'stages.build@1.cmd' in 'dvc.yaml': Could not find 'item.thresh'",
                "failed to parse 'stages.syn.cmd' in 'dvc.yaml': ${syntax.[error}: ParseException: Expected end of text,"
                        + " found '.'  (at char 8), (line:1, col:9)",
                "failed to parse 'stages.all@a.cmd' in 'dvc.yaml': Could not find 'foo.bar'"
                        + " (and in 2 more stages generated from 'all')",
                "failed to parse 'stages.wd@foo.wdir' in 'dvc.yaml': Could not find 'ite'; did you mean 'item'?"),
                messages(r));
        assertEquals("syn", r.problems().get(1).stage());
        assertEquals("build@1", r.problems().get(0).stage());
    }

    @Test
    void generatedStagesReportRawKeys() {
        // DVC skips the parse step in generated stages, so the raw text is shown
        var r = fx.resolve("stages:\n  s:\n    foreach: [a]\n    do:\n      cmd: echo ${item[x]}\n  t:\n    cmd: ${y[x]}\n");
        assertEquals(List.of("failed to parse 'stages.s@a.cmd' in 'dvc.yaml': Could not find 'item[x]'",
                "failed to parse 'stages.t.cmd' in 'dvc.yaml': Could not find 'y.x'"), messages(r));
    }

    // ------------------------------------------------------------------------------------------ matrix (§2.4)

    @Test
    void matrixNamesAndValues() {
        fx.file("params.yaml", """
                os: [win, linux]
                pyv: [3.7, 3.8]
                dict: [{arg1: 1}, {arg2: 2}]
                list: [[out1, out11], [out2, out22]]
                """);
        for (String matrix : List.of("{os: [win, linux], pyv: [3.7, 3.8], dict: [{arg1: 1}, {arg2: 2}], "
                + "list: [[out1, out11], [out2, out22]]}", "{os: '${os}', pyv: '${pyv}', dict: '${dict}', list: '${list}'}")) {
            var r = fx.resolve("stages:\n  build:\n    matrix: " + matrix
                    + "\n    cmd: echo ${item.os} ${item.pyv} ${item.dict} -- ${item.list.0} ${item.list.1} ${key}\n");
            assertEquals(List.of(), messages(r));
            assertEquals(List.of("build@win-3.7-dict0-list0", "build@win-3.7-dict0-list1", "build@win-3.7-dict1-list0",
                    "build@win-3.7-dict1-list1", "build@win-3.8-dict0-list0", "build@win-3.8-dict0-list1",
                    "build@win-3.8-dict1-list0", "build@win-3.8-dict1-list1", "build@linux-3.7-dict0-list0",
                    "build@linux-3.7-dict0-list1", "build@linux-3.7-dict1-list0", "build@linux-3.7-dict1-list1",
                    "build@linux-3.8-dict0-list0", "build@linux-3.8-dict0-list1", "build@linux-3.8-dict1-list0",
                    "build@linux-3.8-dict1-list1"), names(r));
            assertEquals("echo linux 3.8 --arg2 2 -- out2 out22 linux-3.8-dict1-list1",
                    value(r, "build@linux-3.8-dict1-list1", "cmd"));
            assertFalse(r.stage("build@win-3.7-dict0-list0").def().has("matrix"));
        }
    }

    @Test
    void matrixDocsExampleAndEmptyAxis() {
        var r = fx.resolve("""
                stages:
                  train:
                    matrix:
                      model: [cnn, xgb]
                      feature: [feature1, feature2]
                    cmd: ./train.py --feature ${item.feature} ${item.model}
                  none:
                    matrix:
                      a: [1]
                      b: []
                    cmd: echo
                """);
        assertEquals(List.of("train@cnn-feature1", "train@cnn-feature2", "train@xgb-feature1", "train@xgb-feature2"),
                names(r));
        assertEquals("./train.py --feature feature2 xgb", value(r, "train@xgb-feature2", "cmd"));
    }

    @Test
    void matrixMissingItemKeyNamesTheGeneratedStage() {
        var r = fx.resolve("""
                stages:
                  attacks:
                    matrix:
                      atk_name: [FGM, PGD]
                      dataset: [mnist]
                    cmd: run ${item.atk_name} ${item.epochs}
                """);
        assertOnlyError(r, "failed to parse 'stages.attacks@FGM-mnist.cmd' in 'dvc.yaml': Could not find 'item.epochs'"
                + " (and in 1 more stage generated from 'attacks')");
        assertEquals(List.of(), names(r));
    }

    // ------------------------------------------------------------------------------------------ top level, tracking

    @Test
    void topLevelSectionsUseTheGlobalContext() {
        fx.file("params.yaml", "dir: reports\n");
        var r = fx.resolve("""
                params: ['${dir}/params.json']
                metrics: ['${dir}/metrics.json', '${nope}']
                plots:
                  - ${dir}/plot.csv:
                      x: step
                stages: {}
                """);
        assertEquals(List.of("reports/params.json"), r.params().stream().map(n -> n.toJava()).toList());
        assertEquals(List.of("reports/metrics.json"), r.metrics().stream().map(n -> n.toJava()).toList());
        assertEquals(List.of(Map.of("reports/plot.csv", Map.of("x", "step"))), r.plots().stream().map(n -> n.toJava()).toList());
        assertOnlyError(r, "failed to parse 'metrics.1' in 'dvc.yaml': Could not find 'nope'");
        assertNull(r.problems().get(0).stage());
    }

    @Test
    void artifactNamesMustResolveToStrings() {
        fx.file("params.yaml", "name: model\nnum: 3\n");
        var r = fx.resolve("""
                artifacts:
                  ${name}-v1:
                    path: models/${name}.pkl
                  ${num}:
                    path: x
                stages: {}
                """);
        assertEquals(1, r.artifacts().size());
        assertEquals("model-v1", r.artifacts().get(0).key().value());
        assertEquals(Map.of("path", "models/model.pkl"), r.artifacts().get(0).value().toJava());
        assertOnlyError(r, "failed to resolve 'artifacts.${num}' in 'dvc.yaml': expected str, got int");
    }

    @Test
    void groupDataErrorsComeFirstLikeDvc() {
        // DVC lists all stage names (resolving foreach/matrix data) before resolving the stages themselves
        var r = fx.resolve("""
                stages:
                  plain:
                    cmd: echo ${missing}
                  group:
                    foreach: ${nolist}
                    do:
                      cmd: echo
                """);
        assertEquals(List.of("failed to parse 'stages.group.foreach' in 'dvc.yaml': Could not find 'nolist'",
                "failed to parse 'stages.plain.cmd' in 'dvc.yaml': Could not find 'missing'"), messages(r));
    }

    @Test
    void brokenGlobalContextReportsOnlyItsOwnError() {
        var r = fx.resolve("""
                vars: [missing.yaml]
                stages:
                  uses:
                    cmd: echo ${from_missing}
                  independent:
                    cmd: echo hi
                """);
        assertOnlyError(r, "failed to parse 'vars' in 'dvc.yaml': 'missing.yaml' does not exist");
        assertFalse(r.contextOk());
        assertEquals(List.of("independent"), names(r));
    }

    @Test
    void usedVarsAreRecordedPerStage() {
        fx.file("params.yaml", "train: {epochs: 3, lr: 0.1}\nmodels: [{name: a}, {name: b}]\nunused: 1\n");
        var r = fx.resolve("""
                vars: [{inline: 1}]
                stages:
                  t:
                    cmd: python train.py ${train.epochs} ${inline}
                  m:
                    foreach: ${models}
                    do:
                      cmd: echo ${item.name}
                """);
        Path params = tmp.resolve("params.yaml").toAbsolutePath().normalize();
        assertEquals(Set.of(new UsedVar("params.yaml", params, "train.epochs"), new UsedVar("vars[0]", null, "inline")),
                r.stage("t").used());
        assertEquals(Set.of(new UsedVar("params.yaml", params, "models"), new UsedVar("params.yaml", params, "models.1.name")),
                r.stage("m@1").used());
    }

    @Test
    void subdirectoryLabelsAreRelativeToTheRepoRoot() {
        fx.file("sub/params.yaml", "a: 1\n").file("sub/x.yaml", "a: 2\n");
        var res = new TemplateResolver(tmp, tmp.resolve("sub"), fx.loader())
                .resolve(Fixture.parse("vars: [x.yaml]\nstages:\n  s:\n    cmd: echo ${a}\n"));
        assertOnlyError(res, "failed to parse 'vars' in 'sub/dvc.yaml': cannot redefine 'a' from 'sub/x.yaml' as it "
                + "already exists in 'sub/params.yaml'");
    }

    @Test
    void filesAreLoadedOncePerRun() {
        fx.file("v.yaml", "x: 1\n");
        StringBuilder y = new StringBuilder("stages:\n");
        for (int i = 0; i < 20; i++) y.append("  s").append(i).append(":\n    vars: [v.yaml]\n    cmd: echo ${x}\n");
        var r = fx.resolve(y.toString());
        assertEquals(20, r.stages().size());
        assertEquals(2, fx.loads); // params.yaml (missing) and v.yaml
    }

    // ------------------------------------------------------------------------------------------ real-world shapes

    @Test
    void shellDefaultSyntaxIsAMissingKey() {
        // corpus 0044: a shell-style ${VAR:-default} in cmd
        var r = fx.resolve("""
                stages:
                  deploy:
                    cmd: python deploy.py --environment ${ENVIRONMENT:-dev}
                """);
        assertOnlyError(r, "failed to parse 'stages.deploy.cmd' in 'dvc.yaml': Could not find 'ENVIRONMENT:-dev'");
        assertEquals(new Pos(3, 41), r.problems().get(0).pos());
    }

    @Test
    void referencesWithoutAnyParamsFile() {
        // corpus 0289/0323: params.yaml is produced by a stage, so it does not exist yet
        var r = fx.resolve("""
                stages:
                  ingest:
                    cmd: python -m ingest --symbol ${symbol} --start ${start_date}
                    outs:
                      - data/raw/${symbol}
                  parse_params:
                    cmd: python -m parse --config_file ${data.generate.name}.yaml
                """);
        assertEquals(List.of("failed to parse 'stages.ingest.cmd' in 'dvc.yaml': Could not find 'symbol'",
                "failed to parse 'stages.ingest.cmd' in 'dvc.yaml': Could not find 'start_date'",
                "failed to parse 'stages.ingest.outs' in 'dvc.yaml': Could not find 'symbol'",
                "failed to parse 'stages.parse_params.cmd' in 'dvc.yaml': Could not find 'data.generate.name'"),
                messages(r));
    }

    @Test
    void partialImportsFromSeveralConfFiles() {
        // corpus 0290: vars import single keys of conf files; a stage then uses a key none of them has
        fx.file("conf/knn.yaml", "hydra: {run: {dir: out}}\nfiles: {directory: elsewhere}\n")
                .file("conf/plots.yaml", "line_plot: [a]\ncat_plot: [b]\n");
        var r = fx.resolve("""
                vars:
                  - conf/knn.yaml:hydra
                  - conf/plots.yaml:line_plot
                  - conf/plots.yaml:cat_plot
                stages:
                  ok:
                    cmd: echo ${hydra.run.dir} ${line_plot[0]} ${cat_plot[0]}
                  train:
                    cmd: python train.py
                    metrics:
                    - ${files.directory}/scores.json
                """);
        assertEquals("echo out a b", value(r, "ok", "cmd"));
        assertOnlyError(r, "failed to parse 'stages.train.metrics' in 'dvc.yaml': Could not find 'files.directory'");
    }

    // ------------------------------------------------------------------------------------------ speed

    @Test
    void largeForeachAndMatrixResolveQuickly() {
        StringBuilder p = new StringBuilder("items:\n");
        for (int i = 0; i < 10_000; i++) p.append("  - n").append(i).append('\n');
        p.append("a: [");
        for (int i = 0; i < 100; i++) p.append(i == 0 ? "" : ", ").append("a").append(i);
        p.append("]\nb: [");
        for (int i = 0; i < 100; i++) p.append(i == 0 ? "" : ", ").append(i);
        p.append("]\nroot: data\n");
        fx.file("params.yaml", p.toString());
        YMap dvc = Fixture.parse("""
                stages:
                  each:
                    foreach: ${items}
                    do:
                      cmd: python run.py --name ${item} --root ${root}
                      deps: ['${root}/${item}.csv']
                      outs: ['out/${item}.json']
                  grid:
                    matrix:
                      a: ${a}
                      b: ${b}
                    cmd: python grid.py ${item.a} ${item.b} ${key}
                    outs: ['grid/${key}.json']
                """);
        TemplateResolver resolver = new TemplateResolver(tmp, fx.loader());
        resolver.resolve(dvc); // warm-up
        long t0 = System.nanoTime();
        var r = resolver.resolve(dvc);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(20_000, r.stages().size());
        assertEquals(List.of(), messages(r));
        assertEquals("grid/a99-99.json", value(r, "grid@a99-99", "outs.0"));
        assertTrue(ms < 1000, "took " + ms + " ms");
    }
}
