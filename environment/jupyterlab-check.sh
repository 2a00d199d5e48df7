#!/usr/bin/env bash
# The JupyterLab check (docs/jupyterlab.md): NOTEBOOK run with the musicoder kernel in a notebook page made of
# JupyterLab 4's npm packages (environment/jupyterlab/), served by Debian's jupyter_server 1.23 and driven in
# Debian's Chromium with playwright-core.
#   environment/jupyterlab-check.sh [OPTIONS] NOTEBOOK OUTDIR
# writes OUTDIR/report.json ({"cells", "errors", "figures", "figures_drawn", "tables", ...}), OUTDIR/screenshot.png
# (the page after the run), screenshot-mime.png, server.log and console.log; exit code 0 when every check passed.
# Options (passed to environment/jupyterlab/check.mjs):
#   --reopen-untrusted   also reopen the saved notebook untrusted and count figures with a static <img> (figures_static)
#   --expect-static      ... and fail unless every figure has one
#   --min-figures N, --min-tables N   fail with fewer figure / table outputs
#   --run-timeout S      seconds for the run of all cells (default 1800)
#   --server-arg ARG     an option for jupyter_server (e.g. --LabCheckApp.server2_apis=False)
# The kernelspec of this checkout goes into a temporary Jupyter folder (the user's Jupyter folders are not used);
# npm packages come from package-lock.json (npm ci), cached in $MUSICODER_CACHE/npm-cache (default
# ~/.cache/musicoder), so later runs need no network.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
lab="$root/environment/jupyterlab"
die() { echo "jupyterlab-check: $*" >&2; exit 2; }

opts=()
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --reopen-untrusted|--expect-static) opts+=("$1") ;;
    --min-figures|--min-tables|--run-timeout|--server-arg)
      [ $# -ge 2 ] || die "$1 needs a value"
      opts+=("$1" "$2")
      shift ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) args+=("$1") ;;
  esac
  shift
done
[ ${#args[@]} -eq 2 ] || die "usage: environment/jupyterlab-check.sh [OPTIONS] NOTEBOOK OUTDIR"
notebook=${args[0]}
out=${args[1]}
[ -f "$notebook" ] || die "$notebook: no such notebook file"
case "$notebook" in *.ipynb) ;; *) die "$notebook: not a notebook (.ipynb)" ;; esac

. "$root/environment/require.sh"
require_java_maven
require_jupyterlab_check_tools
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js $(node --version) is too old: playwright-core needs 20 or newer"

mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out/report.json" "$out/screenshot.png" "$out/screenshot-mime.png"

# The page's npm packages, exactly as locked; skipped when node_modules already holds this lockfile's install.
cache=${MUSICODER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/musicoder}/npm-cache
if ! cmp -s "$lab/package-lock.json" "$lab/node_modules/.musicoder-lock.json"; then
  echo "jupyterlab-check: npm ci (cache $cache)" >&2
  (cd "$lab" && npm ci --cache "$cache" --prefer-offline --ignore-scripts --no-audit --no-fund --loglevel=error) >&2 ||
    die "npm ci failed in environment/jupyterlab (is the npm registry reachable, or the cache $cache filled?)"
  cp "$lab/package-lock.json" "$lab/node_modules/.musicoder-lock.json"
fi
if [ ! -f "$lab/build/page.js" ] ||
   [ -n "$(find "$lab/src" "$lab/build.mjs" "$lab/package-lock.json" -newer "$lab/build/page.js" -print -quit)" ]; then
  (cd "$lab" && node build.mjs) || die "building the page (environment/jupyterlab/build.mjs) failed"
fi

# This checkout's kernel, in a Jupyter folder of its own.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$root/bin/musicoder" kernel install --no-archive --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; die "bin/musicoder kernel install failed"; }
export JUPYTER_PATH="$tmp/prefix/share/jupyter" JUPYTER_DATA_DIR="$tmp/data" JUPYTER_CONFIG_DIR="$tmp/config" \
  JUPYTER_RUNTIME_DIR="$tmp/runtime"

# A copy to run and save, without language_info: the page must get the language from the kernel's kernel_info.
mkdir -p "$tmp/root"
name=$(basename "$notebook")
/usr/bin/python3 - "$notebook" "$tmp/root/$name" <<'EOF' || die "$notebook: not a readable notebook (JSON)"
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    nb = json.load(f)
nb.get("metadata", {}).pop("language_info", None)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(nb, f, indent=1)
EOF

cd "$lab"
rc=0
node check.mjs --root "$tmp/root" --notebook "$name" --out "$out" ${opts[@]+"${opts[@]}"} || rc=$?
exit $rc
