#!/usr/bin/env python3
"""Reads compare-pytorch.sh's lines (model, optimizer, threads, PyTorch JSON, deepgrad JSON; tab-separated)
and prints a Markdown table: samples/s (median of windows) of each, the ratio deepgrad/PyTorch, the spread
of the windows (min-max as % of the median), deepgrad's GFLOP/s and fraction of peak, allocation per step,
and both peak RSS; then, per model and optimizer, how much faster two threads are than one for each."""
import json
import sys


def spread(j):
    w = j["window_samples_per_s"]
    return 100 * (max(w) - min(w)) / j["samples_per_s"]


def mib(b):
    return "n/a" if b is None else f"{b / 1048576:.0f}"


print("| model | optimizer | threads | PyTorch samples/s | deepgrad samples/s | deepgrad/PyTorch | spread PT / dg "
      "| deepgrad GFLOP/s (% of peak) | deepgrad alloc/step | peak RSS MiB PT / dg |")
print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
runs = {}
for line in sys.stdin:
    model, opt, threads, pt, dg = line.rstrip("\n").split("\t")
    pt, dg = json.loads(pt), json.loads(dg)
    name = "784-[256]x10-10" if model.count("-256") == 10 else model
    runs[(name, opt, int(threads))] = (pt, dg)
    alloc = dg["alloc_bytes_per_step"]
    share = "" if dg["fraction_of_peak"] is None else f" ({100 * dg['fraction_of_peak']:.0f}%)"
    print(f"| {name} | {opt} | {threads} | {pt['samples_per_s']:,.0f} | {dg['samples_per_s']:,.0f} "
          f"| {dg['samples_per_s'] / pt['samples_per_s']:.2f} | {spread(pt):.0f}% / {spread(dg):.0f}% "
          f"| {dg['gflops']:.1f}{share} "
          f"| {'n/a' if alloc is None else f'{alloc:,.0f} B'} "
          f"| {mib(pt['peak_rss_bytes'])} / {mib(dg['peak_rss_bytes'])} |")

pairs = [(name, opt) for (name, opt, t) in runs if t == 1 and (name, opt, 2) in runs]
if pairs:
    print()
    print("| model | optimizer | PyTorch 2 thr / 1 thr | deepgrad 2 thr / 1 thr |")
    print("|---|---|---:|---:|")
    for name, opt in pairs:
        (pt1, dg1), (pt2, dg2) = runs[(name, opt, 1)], runs[(name, opt, 2)]
        print(f"| {name} | {opt} | {pt2['samples_per_s'] / pt1['samples_per_s']:.2f} "
              f"| {dg2['samples_per_s'] / dg1['samples_per_s']:.2f} |")
