"""Reads Airflow DAG files written by `dvclint export airflow` back, without Airflow.

For each file named on the command line, prints one line of JSON:
  {"file", "tasks": {task_id: {"operator", "stage", "pull", "stages"}}, "edges": [[upstream, downstream]],
   "constants": {NAME: "string"}, "top_level": [statement kinds], "run": {"tasks", "edges"} or {"error"}}
"tasks" and "edges" are read from the syntax tree (ast); "run" executes the file against stand-ins for the
airflow and kubernetes modules that record the operators and the >> edges, as Airflow would build them.
"""
import ast
import json
import sys
import types

OPERATORS = ("BashOperator", "KubernetesPodOperator")


def read(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    tree = ast.parse(source, filename=path)
    tasks, variables, edges, constants = {}, {}, [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in OPERATORS:
                kw = {k.arg: k.value for k in value.keywords}
                task_id = ast.literal_eval(kw["task_id"])
                params = ast.literal_eval(kw["params"]) if "params" in kw else {}
                variables[name] = task_id
                tasks[task_id] = {"operator": value.func.id, "stage": params.get("stage"), "pull": params.get("pull"),
                                  "stages": params.get("stages")}
            elif isinstance(value, ast.Constant) and isinstance(value.value, str):
                constants[name] = value.value
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.BinOp) and isinstance(node.value.op, ast.RShift):
            left, right = node.value.left, node.value.right
            ups = [e.id for e in left.elts] if isinstance(left, ast.List) else [left.id]
            edges.extend([u, right.id] for u in ups)
    top = [type(s).__name__ for s in tree.body]
    return {
        "file": path,
        "tasks": tasks,
        "edges": sorted([variables[u], variables[d]] for u, d in edges),
        "constants": constants,
        "top_level": top,
        "run": run(source, path),
    }


class Recorder:
    """Stand-in for an operator: records its keyword arguments and the edges >> makes."""

    edges = []
    tasks = {}

    def __init__(self, **kw):
        self.kw = kw
        Recorder.tasks[kw["task_id"]] = {"operator": type(self).__name__, "stage": kw.get("params", {}).get("stage")}

    def __rshift__(self, other):
        for o in other if isinstance(other, list) else [other]:
            Recorder.edges.append([self.kw["task_id"], o.kw["task_id"]])
        return other

    def __rrshift__(self, other):
        for o in other if isinstance(other, list) else [other]:
            Recorder.edges.append([o.kw["task_id"], self.kw["task_id"]])
        return self


class BashOperator(Recorder):
    pass


class KubernetesPodOperator(Recorder):
    pass


class DAG:
    def __init__(self, **kw):
        self.kw = kw

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Anything:
    def __init__(self, *args, **kw):
        self.args, self.kw = args, kw


def run(source, path):
    Recorder.edges, Recorder.tasks = [], {}
    modules = {
        "airflow": types.ModuleType("airflow"),
        "airflow.models": types.ModuleType("airflow.models"),
        "airflow.models.param": types.ModuleType("airflow.models.param"),
        "airflow.operators": types.ModuleType("airflow.operators"),
        "airflow.operators.bash": types.ModuleType("airflow.operators.bash"),
        "airflow.providers": types.ModuleType("airflow.providers"),
        "airflow.providers.cncf": types.ModuleType("airflow.providers.cncf"),
        "airflow.providers.cncf.kubernetes": types.ModuleType("airflow.providers.cncf.kubernetes"),
        "airflow.providers.cncf.kubernetes.operators": types.ModuleType("airflow.providers.cncf.kubernetes.operators"),
        "airflow.providers.cncf.kubernetes.operators.pod": types.ModuleType("pod"),
        "kubernetes": types.ModuleType("kubernetes"),
        "kubernetes.client": types.ModuleType("kubernetes.client"),
    }
    modules["airflow"].DAG = DAG
    modules["airflow.models.param"].Param = Anything
    modules["airflow.operators.bash"].BashOperator = BashOperator
    modules["airflow.providers.cncf.kubernetes.operators.pod"].KubernetesPodOperator = KubernetesPodOperator
    k8s = types.ModuleType("models")
    k8s.__getattr__ = lambda name: Anything
    modules["kubernetes.client"].models = k8s
    saved = {k: sys.modules.get(k) for k in modules}
    sys.modules.update(modules)
    try:
        exec(compile(source, path, "exec"), {"__name__": "generated_dag"})
        return {"tasks": Recorder.tasks, "edges": sorted(Recorder.edges)}
    except Exception as e:  # reported to the test, which fails on it
        return {"error": repr(e)}
    finally:
        for k, v in saved.items():
            if v is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = v


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(json.dumps(read(p), ensure_ascii=True, sort_keys=True))
