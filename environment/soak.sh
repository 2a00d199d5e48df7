#!/usr/bin/env bash
# The kernel soak (docs/soak.md): one MusiCoder kernel through Jupyter's client, probed after forced full GCs.
#   environment/soak.sh rounds   [--rounds N] [--minutes M] [--every K] [--histograms] [--no-gc] [--idle S]
#                                N rounds of %features --plot, %mask, %pretrain --steps 5, a Java and a %%js cell
#   environment/soak.sh pretrain [--steps N] [--every SECONDS]   one long tiny %pretrain
#   environment/soak.sh finetune [--rounds N] [--every K] [--idle S]   N rounds of %finetune with a grid
# Writes kernel/target/soak/MODE-DATE.csv (one row per probe: heap used/committed after GC, NMT committed, RSS,
# live DJL NDArrays and NDManagers). The kernelspec goes into a temporary Jupyter folder with the launchers' default
# JVM options (or SOAK_JAVA_OPTS) plus -XX:NativeMemoryTracking=summary; the feature cache is temporary too.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
[ $# -ge 1 ] || { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 2; }
mode=$1
shift
out="$root/kernel/target/soak"
mkdir -p "$out"
csv="$out/$mode-$(date -u +%Y%m%dT%H%M).csv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -n "${SOAK_JAVA_OPTS:-}" ]; then export MUSICODER_JAVA_OPTS=$SOAK_JAVA_OPTS; else unset MUSICODER_JAVA_OPTS; fi
"$root/bin/musicoder" kernel install --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; exit 1; }
spec="$tmp/prefix/share/jupyter/kernels/musicoder/kernel.json"
/usr/bin/python3 - "$spec" <<'EOF'
import json, sys
spec = json.load(open(sys.argv[1]))
spec["argv"].insert(1, "-XX:NativeMemoryTracking=summary")
json.dump(spec, open(sys.argv[1], "w"), indent=1)
print("soak: kernel", " ".join(a for a in spec["argv"] if a.startswith("-X")), file=sys.stderr)
EOF
export JUPYTER_PATH="$tmp/prefix/share/jupyter" JUPYTER_DATA_DIR="$tmp/data" JUPYTER_CONFIG_DIR="$tmp/config" \
  JUPYTER_RUNTIME_DIR="$tmp/runtime" MUSICODER_CACHE="$tmp/cache" MUSICODER_ROOT="$root" PYDEVD_DISABLE_FILE_VALIDATION=1
echo "soak: $(uptime)" >&2
echo "soak: writing $csv" >&2
/usr/bin/python3 -Xfrozen_modules=off "$root/kernel/src/test/python/soak.py" "$mode" --csv "$csv" "$@"
