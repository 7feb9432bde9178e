package io.dvclint.schema;

import static io.dvclint.schema.SchemaTestSupport.assertValid;
import static io.dvclint.schema.SchemaTestSupport.lock;
import static io.dvclint.schema.SchemaTestSupport.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.yaml.Pos;
import org.junit.jupiter.api.Test;

class DvcLockSchemaTest {
    private static final String HEAD = "schema: '2.0'\nstages:\n";

    @Test
    void acceptsARealDvc3Lock() {
        assertValid(lock("""
                schema: '2.0'
                stages:
                  prepare:
                    cmd: python src/prepare.py data/data.xml
                    deps:
                    - path: data/data.xml
                      hash: md5
                      md5: 22a1a2931c8370d3aeedd7183606fd7f
                      size: 14445097
                    - path: src/prepare.py
                      md5: f54d670ac8a4f63206781fc31d1f2651
                      size: 2231
                      isexec: true
                    params:
                      params.yaml:
                        prepare.seed: 20170428
                        prepare.split: 0.2
                        nested: {a: [1, 2]}
                    outs:
                    - path: data/prepared
                      hash: md5
                      md5: 153aad06d376b6595932470e459ef42a.dir
                      size: 8437363
                      nfiles: 2
                    - path: s3://bucket/x
                      etag: '"ABC"'
                      version_id: v1
                      cloud:
                        myremote:
                          etag: abc
                          version_id: v1
                      files:
                      - relpath: a.txt
                        md5: 0cc175b9c0f1b6a831c399e269772661
                        size: 1
                  gen@1:
                    cmd: [echo 1, echo 2]
                datasets:
                - name: d
                  anything: goes
                """));
        assertValid(lock("schema: '2.0'\n"));
    }

    @Test
    void schemaVersionMustBeTheString2Point0() {
        SchemaProblem p = one(lock("schema: 2.0\nstages: {}\n"));
        assertEquals("'schema' of dvc.lock must be the string '2.0', got float 2.0", p.message());
        assertTrue(p.hint().contains("invalid schema version"), p.hint());
        assertEquals(new Pos(1, 9), p.pos());
        assertEquals("'schema' of dvc.lock must be the string '2.0', got str '3.0'",
                one(lock("schema: '3.0'\n")).message());
    }

    @Test
    void missingSchemaWithoutDvc1Stages() {
        SchemaProblem p = one(lock("stages: {}\n"));
        assertEquals("dvc.lock has no 'schema'", p.message());
        assertEquals(new Pos(1, 1), p.pos());
        assertEquals("dvc.lock has no 'schema'", one(lock("")).message()); // DVC reads an empty file as {}
    }

    @Test
    void aDvc1LockIsOneClearProblem() {
        SchemaProblem p = one(lock("""
                train:
                  cmd: python train.py
                  deps:
                  - path: data.csv
                    md5: a55dff23b8bdda9db8f749fba28fbe8d
                evaluate:
                  cmd: python eval.py
                """));
        assertTrue(p.message().contains("DVC 1.x format") && p.message().contains("DVC 3 cannot read"), p.message());
        assertTrue(p.hint().contains("dvc repro") && p.hint().contains("dvc commit"), p.hint());
        assertEquals(new Pos(1, 1), p.pos());
    }

    @Test
    void unknownKeysAtEachLevel() {
        SchemaProblem top = one(lock("schema: '2.0'\nstage: {}\n"));
        assertEquals("unknown top-level key 'stage' in dvc.lock; did you mean 'stages'?", top.message());
        assertEquals(new Pos(2, 1), top.pos());
        SchemaProblem st = one(lock(HEAD + "  t:\n    cmd: x\n    frozen: true\n"));
        assertEquals("unknown key 'frozen' in lock entry 't'", st.message());
        assertEquals(new Pos(5, 5), st.pos());
        SchemaProblem dep = one(lock(HEAD + "  t:\n    cmd: x\n    deps:\n    - path: a\n      md6: abc\n"));
        assertEquals("unknown key 'md6' in dependency 'a' of lock entry 't'; did you mean 'md5'?", dep.message());
        assertEquals(new Pos(7, 7), dep.pos());
        assertEquals("unknown key 'sha' in item 1 of 'files' of output 'o' of lock entry 't'",
                one(lock(HEAD + "  t:\n    cmd: x\n    outs:\n    - path: o\n      files:\n      - relpath: f.txt\n        sha: 1\n"))
                        .message());
    }

    @Test
    void requiredKeys() {
        SchemaProblem cmd = one(lock(HEAD + "  t:\n    deps: []\n"));
        assertEquals("lock entry 't' has no 'cmd'", cmd.message());
        assertEquals(new Pos(4, 5), cmd.pos());
        assertEquals("item 1 of 'outs' of lock entry 't' has no 'path'",
                one(lock(HEAD + "  t:\n    cmd: x\n    outs:\n    - md5: abc\n")).message());
    }

    @Test
    void typeErrors() {
        assertEquals("'cmd' of lock entry 't' must be a string or a list, got int 1",
                one(lock(HEAD + "  t:\n    cmd: 1\n")).message());
        assertEquals("'size' of dependency 'a' of lock entry 't' must be an integer, got str 'big'",
                one(lock(HEAD + "  t:\n    cmd: x\n    deps:\n    - path: a\n      size: big\n")).message());
        assertEquals("'size' of dependency 'a' of lock entry 't' must be an integer, got float 1.5",
                one(lock(HEAD + "  t:\n    cmd: x\n    deps:\n    - path: a\n      size: 1.5\n")).message());
        assertEquals("'isexec' of output 'o' of lock entry 't' must be a boolean (true or false), got int 1",
                one(lock(HEAD + "  t:\n    cmd: x\n    outs:\n    - path: o\n      isexec: 1\n")).message());
        assertEquals("'deps' of lock entry 't' must be a list, got None",
                one(lock(HEAD + "  t:\n    cmd: x\n    deps:\n")).message());
        assertEquals("params file 'params.yaml' of lock entry 't' must be a dictionary, got a list",
                one(lock(HEAD + "  t:\n    cmd: x\n    params:\n      params.yaml: [a]\n")).message());
        assertEquals("'stages' of dvc.lock must be a dictionary, got a list", one(lock("schema: '2.0'\nstages: []\n")).message());
    }

    @Test
    void hashValuesNeedAtLeastThreeCharacters() {
        assertEquals("'md5' of dependency 'a' of lock entry 't' must be a hash value of at least 3 characters, got str 'ab'",
                one(lock(HEAD + "  t:\n    cmd: x\n    deps:\n    - path: a\n      md5: ab\n")).message());
        assertValid(lock(HEAD + "  t:\n    cmd: x\n    deps:\n    - path: a\n      md5: ''\n    - path: b\n      md5:\n"));
        assertValid(lock(HEAD + "  t:\n    cmd: x\n    deps:\n    - path: a\n      md5: 123\n"));
        assertEquals(1, lock(HEAD + "  t:\n    cmd: x\n    deps:\n    - path: a\n      md5: 12\n").size());
    }

    @Test
    void cloudHoldsAtMostOneRemote() {
        assertEquals("'cloud' of output 'o' of lock entry 't' names more than one remote",
                one(lock(HEAD + "  t:\n    cmd: x\n    outs:\n    - path: o\n      cloud:\n        a: {}\n        b: {}\n"))
                        .message());
    }

    @Test
    void aLockThatIsNotAMapping() {
        assertTrue(one(lock("- a\n")).message().contains("expected a dictionary"));
    }
}
