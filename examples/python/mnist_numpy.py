"""Reads a model that `./deepgrad train` saved and evaluates it with NumPy only: the safetensors
file (8-byte little-endian header length, JSON header, raw little-endian float32 data) and the
model.json layer list are enough to rebuild the forward pass outside the JVM.

    python3 examples/python/mnist_numpy.py runs/YYYYMMDD-HHMMSS

prints the test accuracy on the last 2,000 of the built-in digits (the main job's test split).
"""
import gzip
import json
import struct
import sys
from pathlib import Path

import numpy as np

DIGITS = Path(__file__).resolve().parents[2] / "deepgrad-core/src/main/resources/org/deepgrad/data/mnist-10k"


def load_safetensors(path):
    """The tensors of a safetensors file as NumPy arrays (F32 only, as deepgrad writes)."""
    raw = Path(path).read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    header.pop("__metadata__", None)
    data = raw[8 + n:]
    return {name: np.frombuffer(data[t["data_offsets"][0]:t["data_offsets"][1]], dtype="<f4").reshape(t["shape"])
            for name, t in header.items()}


def idx(path):
    """An IDX file of unsigned bytes as an array of its dimensions."""
    raw = gzip.decompress(Path(path).read_bytes())
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw[4 + 4 * dims:], dtype=np.uint8).reshape(shape)


def forward(w, card, pixels):
    """The model's class predictions for raw inputs [n, features] (pixels 0..255)."""
    pre = card["preprocessing"]
    h = pixels.astype(np.float32) * np.float32(pre["scale"])
    if "mean" in pre:
        h = h - np.float32(pre["mean"])
    if "std" in pre:
        h = h / np.float32(pre["std"])
    for i, layer in enumerate(card["layers"]):
        if layer["type"] == "dense":
            h = h @ w[f"{i}.weight"].T + w[f"{i}.bias"]
        elif layer["type"] == "batch_norm":  # evaluation: running statistics; eps as recorded (older files: 1e-5)
            eps = np.float32(layer.get("eps", 1e-5))
            h = (h - w[f"{i}.running_mean"]) / np.sqrt(w[f"{i}.running_var"] + eps) * w[f"{i}.weight"] + w[f"{i}.bias"]
        elif layer["type"] == "activation":
            if layer["name"] != "relu":
                sys.exit("this sketch knows relu only; the model uses " + layer["name"])
            h = np.maximum(h, 0)
        elif layer["type"] != "dropout":  # dropout is the identity at inference
            sys.exit("this sketch does not know layer type " + layer["type"])
    return h.argmax(1)


def main(run):
    w = load_safetensors(f"{run}/model.safetensors")
    card = json.load(open(f"{run}/model.json"))
    images = idx(DIGITS / "images-idx3-ubyte.gz").reshape(10_000, -1)[8_000:]
    labels = idx(DIGITS / "labels-idx1-ubyte.gz")[8_000:]
    accuracy = (forward(w, card, images) == labels).mean()
    print(f"test accuracy (NumPy): {100 * accuracy:.2f}%")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
