package io.dvclint.rules;

/** Docs of the findings reported outside the rule engine (see {@link MetaRule}). */
final class LoaderDocs {
    private LoaderDocs() {
    }

    static final String YAML_SYNTAX = """
            ## What it flags

            A `dvc.yaml`, `dvc.lock` or `.dvc` file that DVC cannot read: invalid YAML (bad indentation, an
            unclosed bracket or quote, a duplicate key, merge-conflict markers), or bytes that are not UTF-8
            (UTF-16 files, binary data).

            ## Why it matters

            DVC parses these files with ruamel.yaml (YAML 1.2) and stops at the first error with
            `'./dvc.yaml' is invalid.`: no stage of the file can be run, shown or checked. DVC also rejects
            duplicate mapping keys, which many YAML tools silently accept (the last one winning).

            ## Example

            ```yaml
            stages:
              train:
                cmd: [python train.py
            ```

            Fixed: close the bracket (`cmd: [python train.py]`), or better `cmd: python train.py`.

            Suppression comments are found by a text scan, so `# dvclint: disable-file=yaml-syntax` works even
            in a file that does not parse; a file that is not UTF-8 can only be excluded with an `ignore:` entry
            of the configuration.
            """;

    static final String SCHEMA = """
            ## What it flags

            A `dvc.yaml` that parses but does not match the structure DVC's validator (`dvc/schema.py`)
            accepts: unknown keys (`outputs:` instead of `outs:`, `hash:` in an output's flags), values of the
            wrong type (`frozen: "yes"`, `deps:` left empty), a missing `cmd`, `foreach` mixed with other stage
            keys, a top-level `plots:` mapping (rejected since DVC 3.0).

            ## Why it matters

            DVC validates the raw file before templating and refuses the whole file with
            `'./dvc.yaml' validation failed.`. dvclint reports every problem at once, at the position DVC would
            point to, with a suggestion for misspelt keys.

            ## Example

            ```yaml
            stages:
              train:
                cmd: python train.py
                outputs:
                  - model.pkl
            ```

            Fixed: `outs:`.
            """;

    static final String LOCK_SCHEMA = """
            ## What it flags

            A `dvc.lock` that does not match DVC's lock file schema: a missing or wrong `schema: '2.0'`, a stage
            entry without `cmd`, malformed dep/out/param entries.

            ## Why it matters

            DVC reads `dvc.lock` to decide what changed; a lock file it cannot read makes `dvc status` and
            `dvc repro` fail. Lock files are written by DVC: such problems usually come from a hand edit or a
            badly resolved merge conflict. Running `dvc repro` (or `dvc commit`) rewrites the entries.

            ## Example

            ```yaml
            stages:
              train:
                cmd: python train.py
            ```

            Fixed: the file starts with `schema: '2.0'`.
            """;

    static final String TEMPLATE = """
            ## What it flags

            `${...}` interpolation, `vars`, `foreach` or `matrix` that DVC cannot resolve: an unknown variable,
            a vars file that does not exist, a redefined variable, `foreach` over something that is not a list
            or mapping, malformed `${` syntax.

            ## Why it matters

            DVC resolves templating lazily, stage by stage, and fails with `failed to parse 'stages.train.cmd'
            in 'dvc.yaml': Could not find 'lr'` (and similar) when it meets the stage — the stage cannot run or
            show its status.

            ## Example

            ```yaml
            stages:
              train:
                cmd: python train.py --lr ${train.lr}
            ```

            with no `train.lr` in `params.yaml`: add the key, or fix the variable name.
            """;

    static final String TEMPLATE_TYPE = """
            ## What it flags

            A stage field whose value is a whole `${...}` reference that resolves to a type the field does not
            accept: `wdir: ${n}` with `n: 5`, `desc: ${flag}` with a boolean, a `deps` item that resolves to a
            number or `null`, an `outs` flag mapping key that resolves to a number. The finding points at the
            template in `dvc.yaml` and names the resolved value's type.

            ## Why it matters

            DVC validates `dvc.yaml` *before* templating (so `frozen: ${flag}` is already a `schema` error) and
            never validates the resolved values again (DVC #6989). A value of the wrong type then fails later,
            when the stage is loaded or run, far from its cause — or is silently used as a path such as `5`.
            DVC accepts the file, so this is a warning.

            ## Example

            ```yaml
            vars:
              - workdir: 3
            stages:
              train:
                wdir: ${workdir}
                cmd: python train.py
            ```

            Fix: make the referenced value a string (`workdir: "3"`) or reference the intended key.
            """;

    static final String DVCIGNORE = """
            ## What it flags

            A line of a `.dvcignore` file that is not a valid gitwildmatch pattern (for example a lone `**` in a
            wrong place, or a pattern ending in an escaping backslash) and which DVC's ignore machinery
            (`pathspec`) refuses to compile.

            ## Why it matters

            DVC reads every `.dvcignore` when it walks the repository; a broken pattern makes every command fail
            before it starts.

            ## Example

            ```
            # .dvcignore
            data\\
            ```

            Fix: escape or remove the offending character.
            """;

    static final String UNKNOWN_SUPPRESSION = """
            ## What it flags

            A `# dvclint: disable=...` or `# dvclint: disable-file=...` comment naming a rule id that does not
            exist (with a suggestion for misspelt ids).

            ## Why it matters

            A misspelt id suppresses nothing, so the finding it was meant to silence is still reported, and the
            comment misleads readers. Run `dvclint rules` for the list of ids.

            ## Example

            ```yaml
                metrics:
                  - metrics.json  # dvclint: disable=metric-cached
            ```

            Fixed: `# dvclint: disable=metrics-cached`.
            """;

    static final String UNUSED_SUPPRESSION = """
            ## What it flags

            A suppression comment for a rule that reported nothing on the line it covers (or, for
            `disable-file`, in the whole file). Ids of rules disabled in the configuration are not reported.

            ## Why it matters

            Stale suppressions pile up as files change and would hide a future, real finding. This is ruff's
            RUF100. `dvclint lint --fix` removes the id (or the whole comment when it names only that id).

            ## Example

            ```yaml
                deps:
                  - data.csv  # dvclint: disable=path-outside-project
            ```

            Fixed: remove the comment.
            """;

    static final String INTERNAL_ERROR = """
            ## What it flags

            A rule that threw an exception while checking the project. The other rules still run; this
            finding names the rule and the exception.

            ## Why it matters

            It is a bug in dvclint, not in your project: please report it with the file that triggers it. It
            cannot be disabled or suppressed, so that a crash never passes for a clean result; disable the
            failing rule in `.dvclint.yaml` to work around it.
            """;
}
