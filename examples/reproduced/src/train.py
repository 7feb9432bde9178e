import argparse

import yaml

params = yaml.safe_load(open("params.yaml"))["train"]
parser = argparse.ArgumentParser()
parser.add_argument("--size")
parser.add_argument("--out")
args = parser.parse_args()
# epochs is read here but not declared under the stage's params: changing it reruns nothing
print(f"training {args.size} with lr {params['lr']} for {params['epochs']} epochs")
