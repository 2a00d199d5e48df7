#!/usr/bin/env bash
# Puts plotly.js (npm package plotly.js-dist-min, pinned below) into the kernel's generated resources, so that
# notebooks draw Plotly figures offline. The kernel module's build runs it (generate-resources phase):
#   environment/plotly-js.sh OUTDIR
# writes OUTDIR/org/musicoder/kernel/display/plotly.min.js and plotly.LICENSE. The package tarball is fetched
# once with `npm pack` from the npm registry into $MUSICODER_CACHE/npm (default ~/.cache/musicoder/npm) and
# checked against the registry's integrity hash (sha512 of the tarball, pinned here); later builds use the cache
# (offline). 2.35.3 is the last line that keeps Tablesaw's string titles (plotly.js 3 drops them).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
out=${1:?usage: environment/plotly-js.sh OUTDIR}

name=plotly.js-dist-min
version=2.35.3
# npm's dist.integrity for this version, sha512-sz2HLP8gkysLx/BanM2PtJTtZ1PLPwdHwMWNri2YxLBy3IOeuDsVQtlmWa4hoK3j/fi4naaD3uZJqH5ozM3zGg==, in hex
sha512=b33d872cff20932b0bc7f05a9ccd8fb494ed6753cb3f0747c0c58dae2d98c4b072dc839eb83b1542d96659ae21a0ade3fdf8b89da683dee649a87e68cccdf31a

cache=${MUSICODER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/musicoder}/npm
tgz="$cache/$name-$version.tgz"
dest="$out/org/musicoder/kernel/display"

verified() { [ -f "$1" ] && [ "$(sha512sum "$1" | cut -d' ' -f1)" = "$sha512" ]; }

if [ -f "$dest/plotly.min.js" ] && [ "$dest/plotly.min.js" -nt "$0" ] && verified "$tgz"; then exit 0; fi

if ! verified "$tgz"; then
  . "$root/environment/require.sh"
  require_packages npm:npm
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/pack.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null) ||
    { echo "plotly-js: npm pack $name@$version failed (is the npm registry reachable?)" >&2; exit 1; }
  if ! verified "$tmp/$name-$version.tgz"; then
    echo "plotly-js: $name-$version.tgz does not match the pinned sha512; not using it" >&2
    exit 1
  fi
  mv "$tmp/$name-$version.tgz" "$tgz"
fi

mkdir -p "$dest"
tar -xzf "$tgz" -O package/plotly.min.js >"$dest/plotly.min.js.tmp"
tar -xzf "$tgz" -O package/LICENSE >"$dest/plotly.LICENSE"
mv "$dest/plotly.min.js.tmp" "$dest/plotly.min.js"
