import argparse

import yaml

params = yaml.safe_load(open("params.yaml"))["prepare"]
parser = argparse.ArgumentParser()
parser.add_argument("--input")
parser.add_argument("--output")
parser.add_argument("--sample", type=int)
args = parser.parse_args()
print(f"split {params['split']} of {args.sample} rows, seed {params['seed']}")
