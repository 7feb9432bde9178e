package io.dvclint.script;

import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dvclint.script.StageScripts.Lang;
import io.dvclint.script.StageScripts.Script;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command runs, as both params-undeclared and script-not-in-deps see it. */
class StageScriptsTest {
    @TempDir
    Path root;

    /** The scripts {@code command} runs from the project root: "path lang" (and " via x" when found in a script). */
    private List<String> found(String... command) {
        List<String> out = new ArrayList<>();
        for (Script s : StageScripts.of(List.of(command), root, root)) {
            out.add(root.relativize(s.file()).toString().replace('\\', '/') + " " + s.lang()
                    + (s.via() == null ? "" : " via " + root.relativize(s.via())));
        }
        return out;
    }

    @Test
    void pythonInterpretersAndTheirOptions() {
        assertEquals(List.of("src/train.py PYTHON"), found("python src/train.py --lr 0.1"));
        for (String py : List.of("python3", "python3.11", "pypy3", "pypy3.9", "py", "pythonw", "/usr/bin/python3",
                "venv/bin/python", "python2.7")) {
            assertEquals(List.of("x.py PYTHON"), found(py + " x.py"), py);
        }
        assertEquals(List.of("x.py PYTHON"), found("python -u -W ignore -X dev x.py"));
        assertEquals(List.of(), found("python -c 'import x'"));
        assertEquals(List.of(), found("python"));
        assertEquals(List.of(), found("pythonista x.py"));
    }

    @Test
    void pythonModulesAreTheirFileOrTheirMainModule() {
        assertEquals(List.of("pkg/mod.py PYTHON"), found("python -m pkg.mod --x 1"));
        assertEquals(List.of("pkg/mod.py PYTHON"), found("python -mpkg.mod"));
        write(root, "tool/__main__.py", "print(1)\n");
        assertEquals(List.of("tool/__main__.py PYTHON"), found("python -m tool"));
        write(root, "tool.py", "print(1)\n");
        assertEquals(List.of("tool.py PYTHON"), found("python -m tool"));
        assertEquals(List.of(), found("python -m 'not a module'"));
    }

    @Test
    void otherInterpretersNotebooksAndShells() {
        assertEquals(List.of("eval.R R"), found("Rscript eval.R"));
        assertEquals(List.of("eval.R R"), found("Rscript --vanilla eval.R"));
        assertEquals(List.of(), found("Rscript -e 'print(1)'"));
        for (String sh : List.of("bash", "sh", "zsh", "dash", "ksh", "/bin/bash")) {
            assertEquals(List.of("run.sh SHELL"), found(sh + " run.sh"), sh);
        }
        assertEquals(List.of(), found("bash -c 'python x.py'"));
        assertEquals(List.of(), found("bash -xc 'python x.py'"));
        assertEquals(List.of("run.sh SHELL"), found("bash -x run.sh"));
        assertEquals(List.of("report.js OTHER"), found("node -r dotenv/config report.js"));
        assertEquals(List.of(), found("node -e 'console.log(1)'"));
        assertEquals(List.of("main.ts OTHER"), found("deno run main.ts"));
        assertEquals(List.of("nb.ipynb NOTEBOOK"), found("papermill -p lr 0.1 nb.ipynb out.ipynb"));
        assertEquals(List.of("nb.ipynb NOTEBOOK"), found("jupyter nbconvert --to html --execute nb.ipynb"));
        assertEquals(List.of(), found("jupyter lab"));
    }

    @Test
    void scriptsRunByTheirPath() {
        assertEquals(List.of("train.sh SHELL"), found("./train.sh"));
        assertEquals(List.of("scripts/run.py PYTHON"), found("scripts/run.py --fast"));
        assertEquals(List.of("tools/build OTHER"), found("tools/build"));
        // a bare name is looked up on PATH, an absolute path lies outside the project
        assertEquals(List.of(), found("train.py"));
        assertEquals(List.of(), found("/opt/tools/run.sh"));
        assertEquals(List.of(), found("~/bin/run.sh"));
    }

    @Test
    void wrappersRunnersAndAssignments() {
        for (String prefix : List.of("time ", "nohup ", "nice -n 5 ", "env A=1 B=2 ", "/usr/bin/env ", "stdbuf -oL ",
                "xvfb-run ", "A=1 B=2 ", "uv run ", "poetry run ", "pipenv run ", "conda run -n env ",
                "pixi run --manifest-path pixi.toml ", "uv run --with numpy --python 3.11 ", "command ")) {
            assertEquals(List.of("x.py PYTHON"), found(prefix + "python x.py"), prefix);
        }
    }

    @Test
    void theFolderCommandsMoveTo() {
        assertEquals(List.of("src/train.py PYTHON"), found("cd src && python train.py"));
        assertEquals(List.of("src/train.py PYTHON"), found("pushd src && python train.py"));
        assertEquals(List.of("src/a.py PYTHON", "src/b.py PYTHON"), found("cd src; python a.py; python b.py"));
        // a folder that cannot be known ends what can be found on that line, not on the next
        assertEquals(List.of("b.py PYTHON"), found("cd $DIR && python a.py", "python b.py"));
        assertEquals(List.of(), found("cd && python a.py"));
    }

    @Test
    void shellScriptsAreFollowedOneLevelInsideTheProject() {
        write(root, "run.sh", "set -e\ncd src\npython train.py\nbash inner.sh\n");
        write(root, "src/inner.sh", "python deeper.py\n");
        assertEquals(List.of("run.sh SHELL", "src/train.py PYTHON via run.sh", "src/inner.sh SHELL via run.sh"),
                found("bash run.sh"));
    }

    @Test
    void oddWords() {
        assertEquals(List.of("src/train.py PYTHON"), found("python src\\train.py"));
        assertEquals(List.of(), found("python $SCRIPT"));
        assertEquals(List.of(), found("python ${item.script}"));
        assertEquals(List.of(), found("python s3://bucket/x.py"));
        assertEquals(List.of("x.py PYTHON"), found("python x.py && python x.py"));
        assertEquals(Lang.PYTHON, StageScripts.of(List.of("python x.py > log.txt 2>&1"), root, root).get(0).lang());
    }
}
