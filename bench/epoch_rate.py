#!/usr/bin/env python3
"""Training samples/s of a finished run from its metrics.jsonl: ROWS training rows per epoch over the
time between the first and the last epoch record, so the first epoch (JIT warm-up, Spark's first
stage) is left out and each later epoch's validation and checkpoint are counted.
Usage: bench/epoch_rate.py RUN_DIR ROWS   (e.g. ROWS 8000 for mnist-10k's training split)"""
import datetime
import json
import sys

if len(sys.argv) != 3:
    sys.exit(__doc__)
run_dir, rows = sys.argv[1], int(sys.argv[2])
with open(f"{run_dir}/metrics.jsonl") as f:
    epochs = [r for r in map(json.loads, f) if r.get("event") == "epoch"]
if len(epochs) < 2:
    sys.exit(f"epoch_rate: {run_dir}/metrics.jsonl has {len(epochs)} epoch record(s); train at least 2 epochs")


def when(record):
    return datetime.datetime.fromisoformat(record["time"].replace("Z", "")[:26])


seconds = (when(epochs[-1]) - when(epochs[0])).total_seconds()
print(f"{(len(epochs) - 1) * rows / seconds:,.0f} samples/s over epochs 2..{len(epochs)}")
