"""Train a (toy) model."""
import os
import pickle
import sys

import yaml

params = yaml.safe_load(open("params.yaml"))["train"]
lr = params["learning_rate"]
batch_size = params["batch_size"]
epochs = params["epochs"]

model = {"lr": lr, "batch_size": batch_size, "epochs": epochs}
os.makedirs(os.path.dirname(sys.argv[2]), exist_ok=True)
with open(sys.argv[2], "wb") as f:
    pickle.dump(model, f)
