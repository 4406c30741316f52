#!/usr/bin/python3
"""Recomputes deepgrad's PyTorch reference vectors (conformance/*.json) with PyTorch in float64.

Each case keeps its definition (op or optimizer or schedule, hyper-parameters, inputs, parameters,
gradients, upstream gradient); every value PyTorch produces from it (outputs, gradients, running
statistics, parameters after each step, learning rates) is computed again.

    /usr/bin/python3 conformance/generate.py            # compare: the largest difference per file
    /usr/bin/python3 conformance/generate.py --write    # rewrite the files with the recomputed values

Needs PyTorch: Debian's python3-torch (apt-get install python3-torch), for the system's /usr/bin/python3;
the files were made with its 1.13.0a0.
Not run by the build or the tests, which read the JSON files only.
"""
import argparse
import json
import math
import pathlib

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
HERE = pathlib.Path(__file__).resolve().parent


def tensor(node, grad=False):
    return torch.tensor(node["data"], dtype=torch.float64).reshape(node["shape"]).requires_grad_(grad)


def node(t):
    t = t.detach()
    return {"shape": list(t.shape), "data": t.reshape(-1).tolist()}


def layer_output(op, attrs, x, p, case):
    """The op's output; for batch norm also returns the running statistics after the call."""
    if op == "linear":
        return F.linear(x["x"], p["weight"], p["bias"]), None
    if op == "leaky_relu":
        return F.leaky_relu(x["x"], attrs["negative_slope"]), None
    if op == "elu":
        return F.elu(x["x"], attrs["alpha"]), None
    if op == "gelu":
        return F.gelu(x["x"], approximate=attrs["approximate"]), None
    if op in ("softmax", "log_softmax"):
        return getattr(F, op)(x["x"], dim=attrs["dim"]), None
    if op in ("sigmoid", "tanh", "relu", "softplus", "softsign"):
        return getattr(F, op)(x["x"]) if op not in ("sigmoid", "tanh") else getattr(torch, op)(x["x"]), None
    if op.startswith("batch_norm"):
        mean = tensor(case["running_mean_before"])
        var = tensor(case["running_var_before"])
        training = op == "batch_norm_train"
        y = F.batch_norm(x["x"], mean, var, p["weight"], p["bias"], training=training,
                         momentum=attrs.get("momentum", 0.1), eps=attrs["eps"])
        return y, (mean, var) if training else None
    if op == "layer_norm":
        return F.layer_norm(x["x"], x["x"].shape[-1:], p["weight"], p["bias"], attrs["eps"]), None
    if op == "cross_entropy":
        return F.cross_entropy(x["logits"], x["target"].long(), reduction=attrs["reduction"]), None
    if op == "mse":
        return F.mse_loss(x["pred"], x["target"], reduction=attrs["reduction"]), None
    if op == "bce_with_logits":
        return F.binary_cross_entropy_with_logits(x["logits"], x["target"], reduction=attrs["reduction"]), None
    raise ValueError("unknown op " + op)


def layer_case(case):
    op, attrs = case["op"], case["attrs"]
    x = {k: tensor(v, grad=k in case["grad_inputs"]) for k, v in case["inputs"].items()}
    p = {k: tensor(v, grad=True) for k, v in case["params"].items()}
    y, running = layer_output(op, attrs, x, p, case)
    y.backward(tensor(case["grad_output"]))
    out = dict(case)
    out["output"] = node(y)
    out["grad_inputs"] = {k: node(x[k].grad) for k in case["grad_inputs"]}
    out["grad_params"] = {k: node(p[k].grad) for k in case["grad_params"]}
    if running is not None:
        out["running_mean_after"], out["running_var_after"] = node(running[0]), node(running[1])
    return out


OPTIMIZERS = {"sgd": torch.optim.SGD, "adagrad": torch.optim.Adagrad, "rmsprop": torch.optim.RMSprop,
              "adadelta": torch.optim.Adadelta, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
              "adamax": torch.optim.Adamax, "nadam": torch.optim.NAdam, "radam": torch.optim.RAdam}


def optimizer_case(case):
    params = {k: tensor(v, grad=True) for k, v in case["params"].items()}
    hyper = {k: tuple(v) if isinstance(v, list) else v for k, v in case["hyper"].items()}
    opt = OPTIMIZERS[case["optimizer"]](list(params.values()), **hyper)
    steps = []
    for step in case["steps"]:
        for k, t in params.items():
            t.grad = torch.tensor(step["grads"][k]).reshape(t.shape)
        opt.step()
        steps.append({"grads": step["grads"], "expected": {k: t.detach().reshape(-1).tolist() for k, t in params.items()}})
    return dict(case, steps=steps)


SCHEDULES = {
    "exponential": lambda o, h: torch.optim.lr_scheduler.ExponentialLR(o, gamma=h["gamma"]),
    "step": lambda o, h: torch.optim.lr_scheduler.StepLR(o, step_size=h["step_size"], gamma=h["gamma"]),
    "multistep": lambda o, h: torch.optim.lr_scheduler.MultiStepLR(o, milestones=h["milestones"], gamma=h["gamma"]),
    "cosine": lambda o, h: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=h["t_max"], eta_min=h["eta_min"]),
    "linear": lambda o, h: torch.optim.lr_scheduler.LinearLR(o, start_factor=h["start_factor"],
                                                             end_factor=h["end_factor"], total_iters=h["total_iters"]),
}


def schedule_case(case):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=case["base_lr"])
    sched = SCHEDULES[case["schedule"]](opt, case["hyper"])
    lrs = []
    for _ in case["lrs"]:
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return dict(case, lrs=lrs)


FAMILIES = {"layers.json": layer_case, "optimizers.json": optimizer_case, "schedules.json": schedule_case}


def numbers(v):
    """Every number in a JSON value, in order."""
    if isinstance(v, dict):
        for x in v.values():
            yield from numbers(x)
    elif isinstance(v, list):
        for x in v:
            yield from numbers(x)
    elif isinstance(v, (int, float)) and not isinstance(v, bool):
        yield float(v)


def largest_difference(a, b):
    xs, ys = list(numbers(a)), list(numbers(b))
    if len(xs) != len(ys):
        return math.inf
    return max((abs(x - y) / max(1.0, abs(y)) for x, y in zip(xs, ys)), default=0.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="rewrite the files with the recomputed values")
    args = parser.parse_args()
    for name, recompute in FAMILIES.items():
        path = HERE / name
        doc = json.loads(path.read_text())
        cases = [recompute(c) for c in doc["cases"]]
        diff = max(largest_difference(new, old) for new, old in zip(cases, doc["cases"]))
        print(f"{name}: {len(cases)} cases, largest relative difference from the file {diff:.3g} (torch {torch.__version__})")
        if args.write:
            doc["cases"] = cases
            doc["generator"] = f"PyTorch {torch.__version__} in float64"
            path.write_text(json.dumps(doc) + "\n")


if __name__ == "__main__":
    main()
