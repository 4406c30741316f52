#!/usr/bin/env bash
# Side by side: deepgrad bench vs PyTorch (bench/torch_mlp.py) on the same MLP training runs, run
# ALTERNATELY in one invocation (per configuration: PyTorch, then deepgrad, in fresh processes), and
# prints samples/s of each with the ratio deepgrad/PyTorch, plus each side's peak RSS.
# Configurations: threads 1 and 2 x SGD (lr 0.01) and Adam (torch defaults) x wide 784-512-512-10
# and deep 784-[256]x10-10, batch 128, ReLU. Needs Debian's python3-torch (a benchmark peer only,
# never a test dependency); its BLAS is whatever /usr/lib/x86_64-linux-gnu/libblas.so.3 points to.
# Environment: PYTHON (default /usr/bin/python3), WARMUP (50), WINDOWS (5), WINDOW_STEPS (50),
# THREADS ("1 2"), OPTIMIZERS ("sgd adam"), MODELS ("784-512-512-10 784-256-...-256-10"),
# DEEPGRAD (the command that runs deepgrad; default this checkout's ./deepgrad, which builds first; e.g.
# "java -jar deepgrad-cli/target/deepgrad-cli.jar" for a jar built already, or with another JVM),
# PEAK_GFLOPS (one core's FP32 peak for the "% of peak" column, e.g. FmaPeak's figure; without it no share).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-/usr/bin/python3}"
if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "compare-pytorch: $python cannot import torch; install Debian's python3-torch (apt-get install -y python3-torch)" >&2
  exit 2
fi
deep="784$(printf -- '-256%.0s' {1..10})-10"
models="${MODELS:-784-512-512-10 $deep}"
scheme=(--batch-size 128 --warmup-steps "${WARMUP:-50}" --windows "${WINDOWS:-5}" --window-steps "${WINDOW_STEPS:-50}")
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

read -r -a deepgrad <<< "${DEEPGRAD:-$root/deepgrad}"
peak=()
if [ -n "${PEAK_GFLOPS:-}" ]; then peak=(--peak-gflops "$PEAK_GFLOPS"); fi
"${deepgrad[@]}" --version >/dev/null  # builds the jar first if it is stale, outside the timed runs
echo "load before: $(cat /proc/loadavg)  torch BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo '?')"
echo "deepgrad: $("${deepgrad[@]}" bench --windows 1 --window-steps 1 --warmup-steps 0 --threads 1 | grep '^machine:')"
for model in $models; do
  for opt in ${OPTIMIZERS:-sgd adam}; do
    for t in ${THREADS:-1 2}; do
      # OpenMP/OpenBLAS pools sized to the run's threads, so a 1-thread PyTorch run really uses one core.
      torch_json="$(OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t "$python" "$here/torch_mlp.py" --model "$model" \
        --optimizer "$opt" --threads "$t" "${scheme[@]}")"
      dg_json="$("${deepgrad[@]}" bench --model "$model" --optimizer "$opt" --threads "$t" "${scheme[@]}" "${peak[@]}" --json)"
      printf '%s\t%s\t%s\t%s\t%s\n' "$model" "$opt" "$t" "$torch_json" "$dg_json" >> "$results"
    done
  done
done
echo "load after:  $(cat /proc/loadavg)"
"$python" "$here/compare_table.py" < "$results"
