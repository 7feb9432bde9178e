package io.dvclint.export;

import io.dvclint.model.Dep;
import io.dvclint.model.Out;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An export as an Airflow DAG file (Python, Airflow 2.4 or later): one task per stage, {@code >>} edges from the
 * graph, every value a Python literal. Without an image, BashOperator tasks run {@code dvclint repro -s} on the
 * workers, in the project folder they share or (DVC remote) in a checkout of their own; with an image,
 * KubernetesPodOperator tasks do the same in pods, with the stage's {@code meta.dvclint} resources, node selector
 * and tolerations. Tasks get their stage from {@code params} through the environment, so neither Jinja nor the
 * shell ever reads a stage address. In one shared workspace, a task {@code dvclint-lock-begin} before the stages and a
 * task {@code dvclint-lock-finish} after them put the dvc.lock entries new in the run in a serial run's order; with a
 * DVC remote, {@code dvclint-lock-merge} takes the stages' entries in that order. Importing the file builds the DAG
 * and does nothing else.
 */
public final class AirflowDag {
    static final String CHECKOUT_TASK = "dvclint-checkout";
    static final String BEGIN_TASK = "dvclint-lock-begin";
    static final String FINISH_TASK = "dvclint-lock-finish";
    static final String MERGE_TASK = "dvclint-lock-merge";
    /** Where KubernetesPodOperator's sidecar reads a task's XCom value. */
    static final String POD_XCOM = "/airflow/xcom/return.json";
    static final long ENV_LIMIT = 1 << 20;
    private static final Set<String> TAKEN = Set.of("dag", "datetime", "k8s", "param", "airflow", "print", "type",
            "list", "dict", "str", "len", "id", "and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match",
            "case");

    private final ExportPlan plan;
    private final ExportOptions o;
    private final boolean pods;
    private final boolean remote;
    private final boolean checkout;
    private final StringBuilder py = new StringBuilder();

    private AirflowDag(ExportPlan plan, ExportOptions options) {
        this.plan = plan;
        this.o = options;
        this.pods = options.image() != null;
        this.remote = options.data() == ExportOptions.Data.REMOTE;
        this.checkout = pods && options.data() == ExportOptions.Data.VOLUME && options.repo() != null;
    }

    /** The DAG file's text. */
    public static String render(ExportPlan plan, ExportOptions options) {
        return new AirflowDag(plan, options).write();
    }

    /** The default DAG id: the project folder's name, with what Airflow does not allow in ids as {@code _}. */
    public static String defaultDagId(ExportPlan plan) {
        StringBuilder sb = new StringBuilder();
        for (char c : plan.projectName().toCharArray()) {
            sb.append(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' ? c : '_');
        }
        return sb.length() == 0 ? "pipeline" : sb.length() > 250 ? sb.substring(0, 250) : sb.toString();
    }

    /**
     * What the DAG cannot do: BashOperator tasks take no resources, node selectors or tolerations; and the lock merge
     * gets every stage's lock entry in its environment, which a process (or a pod object) holds up to about 1 MB.
     */
    public static List<String> warnings(ExportPlan plan, ExportOptions options) {
        List<String> w = new ArrayList<>();
        if (options.data() == ExportOptions.Data.REMOTE) {
            long bytes = 0;
            for (ExportPlan.Task t : plan.tasks()) bytes += entryEstimate(t.stage());
            if (bytes > ENV_LIMIT) {
                w.add(String.format("the lock merge would get about %.1f MB of lock entries in its environment, more "
                        + "than a process takes (about 1 MB): export parts of the pipeline with TARGETs", bytes / 1e6));
            }
        }
        if (options.image() != null) return w;
        for (ExportPlan.Task t : plan.tasks()) {
            StageSettings s = t.settings();
            if (s.hasResources() || !s.nodeSelector().isEmpty() || !s.tolerations().isEmpty()) {
                w.add("stage '" + t.address() + "' asks for resources, node labels or tolerations (meta.dvclint), "
                        + "which BashOperator tasks cannot have: give --image to run the stages in pods");
            }
        }
        return w;
    }

    /** About how long a stage's lock entry is as JSON: its command, and a path and hash for each dep and out. */
    static long entryEstimate(Stage s) {
        long n = 40 + s.address().length() + String.valueOf(s.cmd()).length();
        for (Dep d : s.deps()) n += 90 + d.path().length();
        for (Out o : s.outs()) n += 90 + o.path().length();
        for (ParamDep p : s.params()) {
            n += 10 + p.file().length();
            for (ParamKey k : p.keys()) n += 30 + k.key().length();
        }
        return n;
    }

    /** The Python variable of a task: its name with {@code _} for {@code -}, and a {@code _} after a taken word. */
    static String variable(String taskName) {
        String v = taskName.replace('-', '_');
        return TAKEN.contains(v) ? v + "_" : v;
    }

    private String write() {
        String dagId = o.name() != null ? o.name() : defaultDagId(plan);
        line("\"\"\"Airflow DAG for a DVC pipeline, written by `dvclint export airflow`.");
        line("");
        line("One task per stage, each running `dvclint repro -s STAGE`, which runs the stage when `dvc repro`");
        line("would. dvc.yaml stays the source of truth: export again after changing it.");
        line("\"\"\"");
        line("");
        line("import datetime");
        line("");
        line("from airflow import DAG");
        line("from airflow.models.param import Param");
        if (pods) {
            line("from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator");
            line("from kubernetes.client import models as k8s");
        } else {
            line("from airflow.operators.bash import BashOperator");
        }
        line("");
        scripts();
        line("with DAG(");
        line("    dag_id=" + PyLiteral.str(dagId) + ",");
        line("    description=" + PyLiteral.str("The DVC pipeline '" + plan.projectName()
                + "': one task per stage, each running `dvclint repro -s STAGE`.") + ",");
        line("    schedule=None,");
        line("    start_date=datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc),");
        line("    catchup=False,");
        if (!remote) line("    max_active_runs=1,  # one workspace: one run at a time");
        line("    tags=[\"dvc\"],");
        line("    params={");
        for (Map.Entry<String, String[]> p : params().entrySet()) {
            line("        " + PyLiteral.str(p.getKey()) + ": Param(" + PyLiteral.str(p.getValue()[0])
                    + ", type=\"string\", description=" + PyLiteral.str(p.getValue()[1]) + "),");
        }
        line("    },");
        line(") as dag:");
        if (checkout) {
            task(CHECKOUT_TASK, "CHECKOUT_SCRIPT", env(false), Map.of(), StageSettings.NONE, false);
        }
        if (!remote) task(BEGIN_TASK, "LOCK_BEGIN_SCRIPT", env(false), Map.of(), StageSettings.NONE, false);
        for (ExportPlan.Task t : plan.tasks()) {
            Map<String, String> env = env(true);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("stage", t.address());
            if (remote) params.put("pull", String.join("\n", t.pulls()));
            task(t.name(), "STAGE_SCRIPT", env, params, t.settings(), remote);
        }
        if (remote) mergeTask();
        else finishTask();
        line("");
        if (checkout) edge(List.of(variable(CHECKOUT_TASK)), variable(BEGIN_TASK));
        for (ExportPlan.Task t : plan.tasks()) {
            List<String> up = new ArrayList<>();
            for (String u : t.upstream()) up.add(variable(u));
            if (!remote && up.isEmpty()) up.add(variable(BEGIN_TASK));
            if (!up.isEmpty()) edge(up, variable(t.name()));
        }
        if (!plan.tasks().isEmpty()) {
            List<String> sinks = new ArrayList<>();
            for (ExportPlan.Task t : plan.sinks()) sinks.add(variable(t.name()));
            edge(sinks, variable(remote ? MERGE_TASK : FINISH_TASK));
        }
        return py.toString();
    }

    private void scripts() {
        String stage = remote ? TaskScripts.stageWithRemote(pods ? POD_XCOM : "-", pods)
                : pods ? TaskScripts.stageInWorkspace() : TaskScripts.stageInWorkdir();
        line("STAGE_SCRIPT = " + PyLiteral.block(stage));
        if (checkout) line("CHECKOUT_SCRIPT = " + PyLiteral.block(TaskScripts.checkout()));
        if (!remote) {
            line("LOCK_BEGIN_SCRIPT = " + PyLiteral.block(pods ? TaskScripts.lockBeginInWorkspace()
                    : TaskScripts.lockBeginInWorkdir()));
            line("LOCK_FINISH_SCRIPT = " + PyLiteral.block(pods ? TaskScripts.lockFinishInWorkspace()
                    : TaskScripts.lockFinishInWorkdir()));
        }
        if (remote) line("MERGE_SCRIPT = " + PyLiteral.block(TaskScripts.mergeLocks(true)));
        if (pods && !remote) {
            line("WORKSPACE = k8s.V1Volume(name=\"workspace\", persistent_volume_claim="
                    + "k8s.V1PersistentVolumeClaimVolumeSource(claim_name=" + PyLiteral.str(o.claim()) + "))");
            line("WORKSPACE_MOUNT = k8s.V1VolumeMount(name=\"workspace\", mount_path="
                    + PyLiteral.str(TaskScripts.WORKSPACE) + ")");
        }
        if (pods && remote) {
            line("SCRATCH = k8s.V1Volume(name=\"scratch\", empty_dir=k8s.V1EmptyDirVolumeSource())");
            line("SCRATCH_MOUNT = k8s.V1VolumeMount(name=\"scratch\", mount_path=" + PyLiteral.str(TaskScripts.SCRATCH)
                    + ")");
        }
        line("");
    }

    /** DAG parameters: name → {default, description}. */
    private Map<String, String[]> params() {
        Map<String, String[]> m = new LinkedHashMap<>();
        if (remote || checkout) {
            m.put("repo", new String[] {orEmpty(o.repo()), "git repository to check out"});
            m.put("revision", new String[] {orEmpty(o.revision()), "git revision to check out (a commit for a "
                    + "reproducible run)"});
        }
        if (remote) {
            m.put("remote", new String[] {o.remote(), "DVC remote the tasks pull from and push to"});
            m.put("lock_branch", new String[] {"", "branch to push the updated dvc.lock to (empty: none)"});
        }
        if (remote || pods) {
            m.put("project_dir", new String[] {o.projectDir(), "the DVC project's folder in the repository"});
        } else {
            m.put("workdir", new String[] {o.workdir(), "the DVC project's folder, as the workers see it"});
        }
        return m;
    }

    /** The environment every task of the kind gets (stage tasks: also the stage and its pulls). */
    private Map<String, String> env(boolean stage) {
        Map<String, String> env = new LinkedHashMap<>();
        if (stage) env.put(TaskScripts.STAGE, "{{ params.stage }}");
        if (stage && remote) env.put(TaskScripts.PULL, "{{ params.pull }}");
        if (remote || checkout) {
            env.put(TaskScripts.REPO, "{{ params.repo }}");
            env.put(TaskScripts.REVISION, "{{ params.revision }}");
        }
        if (remote) env.put(TaskScripts.REMOTE, "{{ params.remote }}");
        if (remote || pods) env.put(TaskScripts.PROJECT_DIR, "{{ params.project_dir }}");
        else env.put(TaskScripts.WORKDIR, "{{ params.workdir }}");
        if (remote && pods) env.put("TMPDIR", TaskScripts.SCRATCH);
        return env;
    }

    private void task(String name, String script, Map<String, String> env, Map<String, String> params,
                      StageSettings s, boolean xcom) {
        line("    " + variable(name) + " = " + (pods ? "KubernetesPodOperator(" : "BashOperator("));
        line("        task_id=" + PyLiteral.str(name) + ",");
        if (pods) {
            line("        name=" + PyLiteral.str(name) + ",");
            line("        image=" + PyLiteral.str(o.image()) + ",");
            line("        cmds=[\"sh\", \"-c\"],");
            line("        arguments=[" + script + "],");
            line("        env_vars=" + PyLiteral.dict(env) + ",");
            if (!o.secrets().isEmpty()) {
                List<String> from = new ArrayList<>();
                for (String sec : o.secrets()) {
                    from.add("k8s.V1EnvFromSource(secret_ref=k8s.V1SecretEnvSource(name=" + PyLiteral.str(sec) + "))");
                }
                line("        env_from=[" + String.join(", ", from) + "],");
            }
            line("        volumes=[" + (remote ? "SCRATCH" : "WORKSPACE") + "],");
            line("        volume_mounts=[" + (remote ? "SCRATCH_MOUNT" : "WORKSPACE_MOUNT") + "],");
            if (s.hasResources()) line("        container_resources=" + resources(s) + ",");
            if (!s.nodeSelector().isEmpty()) line("        node_selector=" + PyLiteral.dict(s.nodeSelector()) + ",");
            if (!s.tolerations().isEmpty()) line("        tolerations=" + tolerations(s) + ",");
            line("        get_logs=True,");
            line("        do_xcom_push=" + (xcom ? "True" : "False") + ",");
        } else {
            line("        bash_command=" + script + ",");
            line("        env=" + PyLiteral.dict(env) + ",");
            line("        append_env=True,");
            line("        do_xcom_push=" + (xcom ? "True" : "False") + ",");
        }
        if (s.retries() != null) line("        retries=" + s.retries() + ",");
        if (s.timeout() != null) line("        execution_timeout=datetime.timedelta(seconds=" + s.timeout() + "),");
        if (!params.isEmpty()) line("        params=" + PyLiteral.dict(params) + ",");
        line("    )");
    }

    /** After the stages in one workspace: new dvc.lock entries in the order a serial run gives them. */
    private void finishTask() {
        Map<String, String> env = env(false);
        env.put(TaskScripts.STAGES, "{{ params.stages }}");
        List<String> order = new ArrayList<>();
        for (ExportPlan.Task t : plan.runOrder()) order.add(t.address());
        task(FINISH_TASK, "LOCK_FINISH_SCRIPT", env, Map.of("stages", String.join("\n", order)), StageSettings.NONE,
                false);
    }

    private void mergeTask() {
        Map<String, String> env = env(false);
        // in the order a serial repro runs the stages: the order new entries take in dvc.lock
        List<ExportPlan.Task> tasks = plan.runOrder();
        env.put("DVCLINT_LOCK_ENTRY_COUNT", String.valueOf(tasks.size()));
        for (int i = 0; i < tasks.size(); i++) {
            // the line itself: BashOperator's last line of output, a pod's XCom file read back as a JSON string
            env.put("DVCLINT_LOCK_ENTRY_" + i, "{{ ti.xcom_pull(task_ids='" + tasks.get(i).name() + "') }}");
        }
        env.put(TaskScripts.LOCK_BRANCH, "{{ params.lock_branch }}");
        env.put(TaskScripts.RUN, "{{ run_id }}");
        task(MERGE_TASK, "MERGE_SCRIPT", env, Map.of(), StageSettings.NONE, false);
    }

    private void edge(List<String> upstream, String downstream) {
        line("    " + (upstream.size() == 1 ? upstream.get(0) : "[" + String.join(", ", upstream) + "]") + " >> "
                + downstream);
    }

    private static String resources(StageSettings s) {
        Map<String, String> requests = new LinkedHashMap<>(), limits = new LinkedHashMap<>();
        if (s.cpu() != null) requests.put("cpu", s.cpu());
        if (s.memory() != null) {
            requests.put("memory", s.memory());
            limits.put("memory", s.memory());
        }
        if (s.gpus() > 0) {
            requests.put(s.gpuResource(), String.valueOf(s.gpus()));
            limits.put(s.gpuResource(), String.valueOf(s.gpus()));
        }
        return "k8s.V1ResourceRequirements(requests=" + PyLiteral.dict(requests)
                + (limits.isEmpty() ? "" : ", limits=" + PyLiteral.dict(limits)) + ")";
    }

    private static String tolerations(StageSettings s) {
        List<String> l = new ArrayList<>();
        for (StageSettings.Toleration t : s.tolerations()) {
            List<String> args = new ArrayList<>();
            if (t.key() != null) args.add("key=" + PyLiteral.str(t.key()));
            if (t.operator() != null) args.add("operator=" + PyLiteral.str(t.operator()));
            if (t.value() != null) args.add("value=" + PyLiteral.str(t.value()));
            if (t.effect() != null) args.add("effect=" + PyLiteral.str(t.effect()));
            if (t.seconds() != null) args.add("toleration_seconds=" + t.seconds());
            l.add("k8s.V1Toleration(" + String.join(", ", args) + ")");
        }
        return "[" + String.join(", ", l) + "]";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private void line(String s) {
        py.append(s).append('\n');
    }
}
