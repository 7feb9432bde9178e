"""Emulates DVC's SingleStageFile.dump: parse_yaml_for_update(text) -> apply_diff(state, saved) -> dump.
Usage: python3 regenerate.py FILE.input STATE.json  (prints the dumped text)"""
import io, sys, json
from collections import OrderedDict
from collections.abc import Mapping
from ruamel.yaml import YAML

def apply_diff(src, dest):
    Seq = (list, tuple)
    Container = (Mapping, list, tuple)
    def is_same_type(a, b):
        return any(isinstance(a, t) and isinstance(b, t) for t in [str, Mapping, Seq, bool])
    if isinstance(src, Mapping) and isinstance(dest, Mapping):
        for key, value in src.items():
            if isinstance(value, Container) and is_same_type(value, dest.get(key)):
                apply_diff(value, dest[key])
            elif key not in dest or value != dest[key]:
                dest[key] = value
        for key in set(dest) - set(src):
            del dest[key]
    elif isinstance(src, Seq) and isinstance(dest, Seq):
        if len(src) != len(dest):
            dest[:] = src
        else:
            for i, value in enumerate(src):
                if isinstance(value, Container) and is_same_type(value, dest[i]):
                    apply_diff(value, dest[i])
                elif value != dest[i]:
                    dest[i] = value
    else:
        raise AssertionError("Can't apply diff")

def dump(data):
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.Representer.add_representer(OrderedDict, yaml.Representer.represent_dict)
    s = io.StringIO()
    yaml.dump(data, s)
    return s.getvalue()

def run(text, state):
    saved = YAML(typ="rt").load(text) or {}
    if text is None:
        return dump(state)
    apply_diff(state, saved)
    return dump(saved)

if __name__ == "__main__":
    text = open(sys.argv[1], encoding="utf-8").read()
    state = json.loads(open(sys.argv[2]).read(), object_pairs_hook=OrderedDict)
    sys.stdout.write(run(text, state))
