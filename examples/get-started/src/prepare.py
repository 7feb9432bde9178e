"""Split the raw data into train and test sets."""
import os
import sys

import yaml

params = yaml.safe_load(open("params.yaml"))["prepare"]
split = params["split"]

src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
rows = open(os.path.join(src, "train.csv")).read().splitlines()
header, body = rows[0], rows[1:]
cut = int(len(body) * (1 - split))
with open(os.path.join(dst, "train.csv"), "w") as f:
    f.write("\n".join([header] + body[:cut]) + "\n")
with open(os.path.join(dst, "test.csv"), "w") as f:
    f.write("\n".join([header] + body[cut:]) + "\n")
