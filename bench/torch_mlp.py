#!/usr/bin/env python3
"""PyTorch peer of `deepgrad bench`: the same MLP, data scheme and timing, one JSON object on stdout.

Model: Linear layers with the activation between them (torch's default init), trained with
cross-entropy on 16 pre-generated batches of uniform [0, 1) features and uniform labels, cycled.
Step: optimizer.zero_grad(set_to_none=True), forward, F.cross_entropy, backward, optimizer.step()
in train mode with anomaly detection off; timed with time.perf_counter over windows after warm-up.
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn.functional as F

BATCHES = 16


def peak_rss_bytes():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", default="784-512-512-10", help="widths from input to classes joined by '-'")
    p.add_argument("--activation", default="relu", choices=["relu", "tanh", "sigmoid"])
    p.add_argument("--optimizer", default="sgd", choices=["sgd", "adam"])
    p.add_argument("--lr", type=float, default=None, help="default 0.01 for sgd, torch's 0.001 for adam")
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--warmup-steps", type=int, default=50)
    p.add_argument("--windows", type=int, default=5)
    p.add_argument("--window-steps", type=int, default=50)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.autograd.set_detect_anomaly(False)
    torch.manual_seed(a.seed)
    widths = [int(w) for w in a.model.split("-")]
    act = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "sigmoid": torch.nn.Sigmoid}[a.activation]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i + 2 < len(widths):
            layers.append(act())
    model = torch.nn.Sequential(*layers)
    model.train()
    if a.optimizer == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=0.01 if a.lr is None else a.lr)
    else:
        opt = torch.optim.Adam(model.parameters(), **({} if a.lr is None else {"lr": a.lr}))
    xs = [torch.rand(a.batch_size, widths[0]) for _ in range(BATCHES)]
    ys = [torch.randint(widths[-1], (a.batch_size,)) for _ in range(BATCHES)]
    step = 0

    def run(n):
        nonlocal step
        for _ in range(n):
            b = step % BATCHES
            step += 1
            opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(xs[b]), ys[b])
            loss.backward()
            opt.step()

    run(a.warmup_steps)
    sps = []
    for _ in range(a.windows):
        t0 = time.perf_counter()
        run(a.window_steps)
        sps.append(a.batch_size * a.window_steps / (time.perf_counter() - t0))
    print(json.dumps({"samples_per_s": statistics.median(sps), "window_samples_per_s": sps,
                      "peak_rss_bytes": peak_rss_bytes(),
                      "config": {"model": a.model, "optimizer": a.optimizer, "threads": torch.get_num_threads(),
                                 "batch_size": a.batch_size, "torch": torch.__version__}}))


if __name__ == "__main__":
    main()
