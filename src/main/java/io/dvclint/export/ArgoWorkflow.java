package io.dvclint.export;

import static io.dvclint.export.KubeYaml.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * An export as an Argo {@code Workflow} (or {@code WorkflowTemplate}): a DAG template {@value #ENTRYPOINT} with one
 * task per stage, whose {@code dependencies} are the upstream stages, each passing the stage's DVC address as the
 * parameter {@value #STAGE_PARAM} to a container template that runs {@code dvclint repro -s}. Stages with equal
 * {@code meta.dvclint} settings share a template ({@code stage}, or {@code stage-<first task>}) carrying their
 * resources, node selector, tolerations, retry strategy and deadline. The image, repository and revision are
 * workflow parameters; a parameter without a value must be given when the workflow is submitted.
 *
 * <p>Shared volume: tasks mount the claim at {@value TaskScripts#WORKSPACE} and run in that one workspace; with a
 * repository a first task {@code dvclint-checkout} brings it to the revision, and a mutex keeps two workflows from
 * using the volume at once. A task {@code dvclint-lock-begin} before the stages and a task
 * {@code dvclint-lock-finish} after them put the dvc.lock entries new in the run in a serial run's order
 * ({@code dvclint lock begin|finish}). DVC remote: each task checks out the revision in a scratch volume, pulls,
 * runs, pushes,
 * and hands on its lock entry as the output parameter {@code lock-entry}; a last task {@code dvclint-lock-merge}
 * merges them into dvc.lock ({@code dvclint lock merge}) and outputs the change as {@code dvc-lock-patch}.
 */
public final class ArgoWorkflow {
    public static final String ENTRYPOINT = "pipeline";
    public static final String STAGE_PARAM = "stage";
    static final String PULL_PARAM = "pull";
    static final String CHECKOUT_TASK = "dvclint-checkout";
    static final String BEGIN_TASK = "dvclint-lock-begin";
    static final String FINISH_TASK = "dvclint-lock-finish";
    static final String MERGE_TASK = "dvclint-lock-merge";
    private static final String IMAGE = "{{workflow.parameters.image}}";
    static final long SIZE_LIMIT = 1 << 20;

    private final ExportPlan plan;
    private final ExportOptions o;
    private final boolean remote;
    private final boolean checkout;
    private final boolean volume;

    private ArgoWorkflow(ExportPlan plan, ExportOptions options) {
        this.plan = plan;
        this.o = options;
        this.remote = options.data() == ExportOptions.Data.REMOTE;
        this.volume = options.data() == ExportOptions.Data.VOLUME;
        this.checkout = volume && options.repo() != null;
    }

    /** The YAML text of the workflow, with a comment saying where it comes from. */
    public static String render(ExportPlan plan, ExportOptions options) {
        return render(plan, options, tree(plan, options));
    }

    /** The YAML text of a workflow {@link #tree} made. */
    public static String render(ExportPlan plan, ExportOptions options, Map<String, Object> tree) {
        String kind = options.template() ? "WorkflowTemplate" : "Workflow";
        return "# Argo " + kind + " for the DVC pipeline '" + plan.projectName() + "', written by `dvclint export "
                + "argo`.\n# One task per stage, each running `dvclint repro -s STAGE`: dvc.yaml stays the source of "
                + "truth,\n# export again after changing it.\n" + KubeYaml.dump(tree);
    }

    /**
     * What Kubernetes may refuse to store: a workflow whose JSON form is larger than {@value #SIZE_LIMIT} bytes
     * (etcd keeps objects up to about 1.5 MB; Argo's own advice is 1 MB).
     */
    public static List<String> warnings(Map<String, Object> tree) {
        long bytes = new ObjectMapper().writeValueAsBytes(tree).length;
        if (bytes <= SIZE_LIMIT) return List.of();
        return List.of(String.format("the workflow is %.1f MB as JSON, more than Kubernetes stores in one object "
                + "(about 1.5 MB): export parts of the pipeline with TARGETs, or --changed-only", bytes / 1e6));
    }

    /** The workflow as a tree of maps and lists. */
    public static Map<String, Object> tree(ExportPlan plan, ExportOptions options) {
        return new ArgoWorkflow(plan, options).workflow();
    }

    /** The default name: the project folder's name as a Kubernetes name. */
    public static String defaultName(ExportPlan plan) {
        return TaskNames.label(plan.projectName(), 52, "pipeline");
    }

    private Map<String, Object> workflow() {
        String name = o.name() != null ? o.name() : defaultName(plan);
        Map<String, Object> metadata = map(o.template() ? "name" : "generateName", o.template() ? name : name + "-",
                "annotations", map("workflows.argoproj.io/description", "The DVC pipeline '" + plan.projectName()
                        + "': one task per stage, each running `dvclint repro -s STAGE`."));
        List<Object> templates = new ArrayList<>();
        templates.add(map("name", ENTRYPOINT, "dag", map("tasks", tasks())));
        for (Map.Entry<StageSettings, List<ExportPlan.Task>> g : plan.bySettings().entrySet()) {
            templates.add(stageTemplate(templateName(g.getKey(), g.getValue()), g.getKey()));
        }
        if (checkout) templates.add(checkoutTemplate());
        if (volume) {
            templates.add(lockBeginTemplate());
            templates.add(lockFinishTemplate());
        }
        if (remote) templates.add(mergeTemplate());
        Map<String, Object> spec = map("entrypoint", ENTRYPOINT, "arguments", map("parameters", parameters()));
        if (o.data() == ExportOptions.Data.VOLUME) {
            spec.put("volumes", List.of(map("name", "workspace", "persistentVolumeClaim", map("claimName", o.claim()))));
            // one workspace, one run at a time
            spec.put("synchronization", map("mutexes", List.of(map("name", "dvclint-workspace-" + o.claim()))));
        }
        spec.put("templates", templates);
        return map("apiVersion", "argoproj.io/v1alpha1", "kind", o.template() ? "WorkflowTemplate" : "Workflow",
                "metadata", metadata, "spec", spec);
    }

    private List<Object> parameters() {
        List<Object> ps = new ArrayList<>();
        ps.add(parameter("image", o.image(), remote ? "container image with dvclint, git and DVC"
                : "container image with dvclint" + (checkout ? " and git" : "")));
        if (remote || checkout) {
            ps.add(parameter("repo", o.repo(), "git repository to check out"));
            ps.add(parameter("revision", o.revision(), "git revision to check out (a commit for a reproducible run)"));
        }
        if (remote) {
            ps.add(parameter("remote", o.remote(), "DVC remote the tasks pull from and push to"));
            ps.add(parameter("lock-branch", "", "branch to push the updated dvc.lock to (empty: none; the change "
                    + "is the output dvc-lock-patch)"));
        }
        return ps;
    }

    private static Map<String, Object> parameter(String name, String value, String description) {
        return map("name", name, "value", value, "description", description);
    }

    private List<Object> tasks() {
        List<Object> tasks = new ArrayList<>();
        if (checkout) tasks.add(map("name", CHECKOUT_TASK, "template", "checkout"));
        if (volume) {
            tasks.add(map("name", BEGIN_TASK, "template", "lock-begin",
                    "dependencies", checkout ? List.of(CHECKOUT_TASK) : null));
        }
        Map<StageSettings, String> templateNames = new LinkedHashMap<>();
        for (Map.Entry<StageSettings, List<ExportPlan.Task>> g : plan.bySettings().entrySet()) {
            templateNames.put(g.getKey(), templateName(g.getKey(), g.getValue()));
        }
        for (ExportPlan.Task t : plan.tasks()) {
            List<String> deps = new ArrayList<>(t.upstream());
            if (volume && deps.isEmpty()) deps.add(BEGIN_TASK);
            List<Object> args = new ArrayList<>();
            args.add(map("name", STAGE_PARAM, "value", t.address()));
            if (remote) args.add(map("name", PULL_PARAM, "value", String.join("\n", t.pulls())));
            tasks.add(map("name", t.name(), "template", templateNames.get(t.settings()),
                    "dependencies", deps.isEmpty() ? null : deps, "arguments", map("parameters", args)));
        }
        List<String> sinks = new ArrayList<>();
        for (ExportPlan.Task t : plan.sinks()) sinks.add(t.name());
        if (volume) tasks.add(map("name", FINISH_TASK, "template", "lock-finish", "dependencies", sinks));
        if (remote) {
            // in the order a serial repro runs the stages: the order new entries take in dvc.lock
            StringBuilder entries = new StringBuilder();
            for (ExportPlan.Task t : plan.runOrder()) {
                entries.append("{{tasks.").append(t.name()).append(".outputs.parameters.lock-entry}}\n");
            }
            tasks.add(map("name", MERGE_TASK, "template", "lock-merge", "dependencies", sinks, "arguments",
                    map("artifacts", List.of(map("name", "lock-entries", "raw", map("data", entries.toString()))))));
        }
        return tasks;
    }

    static String templateName(StageSettings s, List<ExportPlan.Task> group) {
        return s.isDefault() ? "stage" : "stage-" + group.get(0).name();
    }

    private Map<String, Object> stageTemplate(String name, StageSettings s) {
        List<Object> inputs = new ArrayList<>();
        inputs.add(map("name", STAGE_PARAM));
        if (remote) inputs.add(map("name", PULL_PARAM));
        Map<String, Object> container;
        if (remote) {
            container = container(TaskScripts.stageWithRemote(TaskScripts.LOCK_ENTRY), List.of(
                    env(TaskScripts.STAGE, "{{inputs.parameters.stage}}"),
                    env(TaskScripts.PULL, "{{inputs.parameters.pull}}"),
                    env(TaskScripts.REMOTE, "{{workflow.parameters.remote}}")));
        } else {
            container = map("image", IMAGE, "command", List.of("dvclint", "repro", "-s", "{{inputs.parameters.stage}}"),
                    "workingDir", workspaceDir(), "envFrom", envFrom(),
                    "volumeMounts", List.of(map("name", "workspace", "mountPath", TaskScripts.WORKSPACE)));
        }
        if (s.hasResources()) container.put("resources", resources(s));
        Map<String, Object> t = map("name", name, "inputs", map("parameters", inputs));
        if (remote) {
            t.put("outputs", map("parameters", List.of(map("name", "lock-entry", "valueFrom",
                    map("path", TaskScripts.LOCK_ENTRY)))));
        }
        if (!s.nodeSelector().isEmpty()) t.put("nodeSelector", s.nodeSelector());
        if (!s.tolerations().isEmpty()) t.put("tolerations", tolerations(s));
        if (s.retries() != null) {
            t.put("retryStrategy", map("limit", String.valueOf(s.retries()), "retryPolicy", "Always"));
        }
        if (s.timeout() != null) t.put("activeDeadlineSeconds", String.valueOf(s.timeout()));
        if (remote) t.put("volumes", List.of(map("name", "scratch", "emptyDir", map())));
        t.put("container", container);
        return t;
    }

    private Map<String, Object> checkoutTemplate() {
        return map("name", "checkout", "container", map("image", IMAGE, "command", List.of("sh", "-c"),
                "args", List.of(TaskScripts.checkout()), "env", List.of(
                        env(TaskScripts.REPO, "{{workflow.parameters.repo}}"),
                        env(TaskScripts.REVISION, "{{workflow.parameters.revision}}")),
                "envFrom", envFrom(),
                "volumeMounts", List.of(map("name", "workspace", "mountPath", TaskScripts.WORKSPACE))));
    }

    /** Shared volume, before the stages: {@code dvclint lock begin} in the project folder. */
    private Map<String, Object> lockBeginTemplate() {
        return map("name", "lock-begin", "container", map("image", IMAGE,
                "command", List.of("dvclint", "lock", "begin"), "workingDir", workspaceDir(), "envFrom", envFrom(),
                "volumeMounts", List.of(map("name", "workspace", "mountPath", TaskScripts.WORKSPACE))));
    }

    /** Shared volume, after the stages: {@code dvclint lock finish} with the stages in a serial run's order. */
    private Map<String, Object> lockFinishTemplate() {
        List<String> order = new ArrayList<>();
        for (ExportPlan.Task t : plan.runOrder()) order.add(t.address());
        return map("name", "lock-finish", "container", map("image", IMAGE, "command", List.of("sh", "-c"),
                "args", List.of(TaskScripts.lockFinish()), "env", List.of(env(TaskScripts.STAGES,
                        String.join("\n", order))),
                "workingDir", workspaceDir(), "envFrom", envFrom(),
                "volumeMounts", List.of(map("name", "workspace", "mountPath", TaskScripts.WORKSPACE))));
    }

    private Map<String, Object> mergeTemplate() {
        return map("name", "lock-merge",
                "inputs", map("artifacts", List.of(map("name", "lock-entries", "path", TaskScripts.LOCK_ENTRIES))),
                "outputs", map("parameters", List.of(map("name", "dvc-lock-patch", "valueFrom",
                        map("path", TaskScripts.LOCK_PATCH)))),
                "volumes", List.of(map("name", "scratch", "emptyDir", map())),
                "container", container(TaskScripts.mergeLocks(false), List.of(
                        env(TaskScripts.LOCK_BRANCH, "{{workflow.parameters.lock-branch}}"),
                        env(TaskScripts.RUN, "{{workflow.name}}"))));
    }

    /** A remote-mode container: the script, the checkout's environment plus {@code extra}, the scratch volume. */
    private Map<String, Object> container(String script, List<Object> extra) {
        List<Object> env = new ArrayList<>(extra);
        env.add(env(TaskScripts.REPO, "{{workflow.parameters.repo}}"));
        env.add(env(TaskScripts.REVISION, "{{workflow.parameters.revision}}"));
        env.add(env(TaskScripts.PROJECT_DIR, o.projectDir()));
        env.add(env("TMPDIR", TaskScripts.SCRATCH));
        return map("image", IMAGE, "command", List.of("sh", "-c"), "args", List.of(script), "env", env,
                "envFrom", envFrom(), "volumeMounts", List.of(map("name", "scratch", "mountPath", TaskScripts.SCRATCH)));
    }

    private String workspaceDir() {
        return o.projectDir().equals(".") ? TaskScripts.WORKSPACE : TaskScripts.WORKSPACE + "/" + o.projectDir();
    }

    private List<Object> envFrom() {
        if (o.secrets().isEmpty()) return null;
        List<Object> l = new ArrayList<>();
        for (String s : o.secrets()) l.add(map("secretRef", map("name", s)));
        return l;
    }

    private static Map<String, Object> env(String name, String value) {
        return map("name", name, "value", value);
    }

    static Map<String, Object> resources(StageSettings s) {
        Map<String, Object> requests = map("cpu", s.cpu(), "memory", s.memory());
        Map<String, Object> limits = map("memory", s.memory());
        if (s.gpus() > 0) {
            requests.put(s.gpuResource(), String.valueOf(s.gpus()));
            limits.put(s.gpuResource(), String.valueOf(s.gpus()));
        }
        return map("requests", requests, "limits", limits.isEmpty() ? null : limits);
    }

    private static List<Object> tolerations(StageSettings s) {
        List<Object> l = new ArrayList<>();
        for (StageSettings.Toleration t : s.tolerations()) {
            l.add(map("key", t.key(), "operator", t.operator(), "value", t.value(), "effect", t.effect(),
                    "tolerationSeconds", t.seconds()));
        }
        return l;
    }
}
