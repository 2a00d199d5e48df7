#!/usr/bin/env bash
# Rebuilds the embedded demo corpus of module datasets from DFSG-free music in Debian packages.
#
#   environment/build-demo-corpus.sh [OUTPUT_DIR]
#
# OUTPUT_DIR defaults to datasets/src/main/resources/org/musicoder/datasets/demo. The script
#   1. downloads the pinned music packages with `apt-get download` (no system install) and
#      unpacks them with `dpkg-deb -x` into a temporary directory;
#   2. cuts two 10 s excerpts per source track (at 30 % and 65 % of the track, moved on in 10 s
#      steps while the excerpt is quieter than -30 dBFS mean volume, so silent intros are skipped),
#      downmixes to mono, resamples to 44.1 kHz and encodes Ogg Vorbis (oggenc -q 2, fixed serial);
#      MIDI tracks are first rendered with fluidsynth and the FluidR3_GM soundfont;
#   3. splits the tracks of every class into test / validation / train (20 / 20 / 60 %, at least one
#      track each) by the SHA-1 of "class/track", so no track is in two splits;
#   4. writes labels.csv, LICENSES.md, licenses/ (every package's copyright file) and sources/midi/.
#
# Tools (installed with apt-get if missing and run as root, else the command is printed):
#   ffmpeg, vorbis-tools, fluidsynth, fluid-soundfont-gm, unzip.
# The output is a pure function of the package versions pinned below and of the tool versions
# (recorded in LICENSES.md); rerunning it reproduces the same clip list, offsets and splits.
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${1:-$REPO/datasets/src/main/resources/org/musicoder/datasets/demo}
QUALITY=2            # oggenc -q
CLIP_S=10            # clip length in seconds
RATE=44100           # output sample rate in Hz
SILENCE_DB=-30       # an excerpt with a lower mean volume (dBFS) is moved on by 10 s
SOUNDFONT=/usr/share/sounds/sf2/FluidR3_GM.sf2

# Pinned package versions (Debian 12 "bookworm", main).
declare -A VERSION=(
  [wesnoth-1.16-music]=1:1.16.9-1
  [nexuiz-music]=2.5.2-12
  [singularity-music]=007-2
  [fretsonfire-songs-muldjord]=2.dfsg-2.1
  [fretsonfire-songs-sectoid]=1.dfsg-3.1
  [openttd-openmsx]=0.4.2-1
)

# Source tracks: class|package|kind|path inside the package|title|author|license (SPDX).
# kind: ogg = one Ogg file; pk3 = Ogg file inside a zip (path = zip!member);
#       fof = Frets on Fire song directory (backing song.ogg and guitar.ogg are mixed);
#       midi = MIDI file rendered with fluidsynth.
# Wesnoth composers: upstream changelog (usr/share/doc/wesnoth-1.16-music/changelog.gz).
# Nexuiz: the package names no composer per track; music credits from nexuiz-credits.txt.
# OpenMSX titles and composer: openmsx.obm and readme.txt of openttd-openmsx.
# Left out: Wesnoth tracks without a named composer and short jingles; Nexuiz sixtyfour_revisited
# (a remix of sixtyfour) and thunder (11 kHz); OpenMSX moo_redfarn ("inspired by Cow Cow Boogie")
# and careless_perc_redfarn (traditional song), keeping Jim Redfarn's own Ezy Street tracks.
WESNOTH=usr/share/games/wesnoth/1.16/data/core/music
NEXUIZ='usr/share/games/nexuiz/data/music.pk3!sound/cdtracks'
NEXUIZ_BY='Nexuiz team, Alientrap (music credits: Lee Vermeulen, blkrbt, Gerd "Elysis" Raudenbusch, Braden "meoblast001" Walters)'
SINGULARITY=usr/share/games/singularity/music
FOF=usr/share/games/fretsonfire/data/songs
OPENMSX=usr/share/games/openttd/baseset/openmsx
TRACKS=$(cat <<EOF
orchestral|wesnoth-1.16-music|ogg|$WESNOTH/elvish-theme.ogg|Variations on an Elvish Theme|Doug Kaufman|GPL-2.0-or-later
orchestral|wesnoth-1.16-music|ogg|$WESNOTH/heroes_rite.ogg|Heroes Rite|Doug Kaufman|GPL-2.0-or-later
orchestral|wesnoth-1.16-music|ogg|$WESNOTH/into_the_shadows.ogg|Into the Shadows|Tyler Johnson|GPL-2.0-or-later
orchestral|wesnoth-1.16-music|ogg|$WESNOTH/knalgan_theme.ogg|Knalgan Theme|Ryan Reilly|GPL-2.0-or-later
orchestral|wesnoth-1.16-music|ogg|$WESNOTH/nunc_dimittis.ogg|Nunc Dimittis|Jeremy Nicoll|GPL-2.0-or-later
orchestral|wesnoth-1.16-music|ogg|$WESNOTH/siege_of_laurelmor.ogg|Siege of Laurelmor|Doug Kaufman|GPL-2.0-or-later
orchestral|wesnoth-1.16-music|ogg|$WESNOTH/the_city_falls.ogg|The City Falls|Doug Kaufman|GPL-2.0-or-later
orchestral|wesnoth-1.16-music|ogg|$WESNOTH/the_dangerous_symphony.ogg|The Dangerous Symphony|Gianmarco Leone|GPL-2.0-or-later
orchestral|wesnoth-1.16-music|ogg|$WESNOTH/the_deep_path.ogg|The Deep Path|Gianmarco Leone|GPL-2.0-or-later
orchestral|wesnoth-1.16-music|ogg|$WESNOTH/the_king_is_dead.ogg|The King is Dead|Mattias Westlund|GPL-2.0-or-later
electronic|nexuiz-music|pk3|$NEXUIZ/beast-of-insanity.ogg|beast-of-insanity|$NEXUIZ_BY|GPL-2.0-or-later
electronic|nexuiz-music|pk3|$NEXUIZ/brainsukker.ogg|brainsukker|$NEXUIZ_BY|GPL-2.0-or-later
electronic|nexuiz-music|pk3|$NEXUIZ/brokenlight.ogg|brokenlight|$NEXUIZ_BY|GPL-2.0-or-later
electronic|nexuiz-music|pk3|$NEXUIZ/calling-bogus.ogg|calling-bogus|$NEXUIZ_BY|GPL-2.0-or-later
electronic|nexuiz-music|pk3|$NEXUIZ/chaos-fog.ogg|chaos-fog|$NEXUIZ_BY|GPL-2.0-or-later
electronic|nexuiz-music|pk3|$NEXUIZ/desert3.ogg|desert3|$NEXUIZ_BY|GPL-2.0-or-later
electronic|nexuiz-music|pk3|$NEXUIZ/digital-pursuit.ogg|digital-pursuit|$NEXUIZ_BY|GPL-2.0-or-later
electronic|nexuiz-music|pk3|$NEXUIZ/infight.ogg|infight|$NEXUIZ_BY|GPL-2.0-or-later
electronic|nexuiz-music|pk3|$NEXUIZ/neuronal-diving.ogg|neuronal-diving|$NEXUIZ_BY|GPL-2.0-or-later
electronic|nexuiz-music|pk3|$NEXUIZ/subcities.ogg|subcities|$NEXUIZ_BY|GPL-2.0-or-later
ambient|singularity-music|ogg|$SINGULARITY/A New Journey.ogg|A New Journey|Max McCracken|CC-BY-SA-3.0
ambient|singularity-music|ogg|$SINGULARITY/Aberrations.ogg|Aberrations|Max McCracken|CC-BY-SA-3.0
ambient|singularity-music|ogg|$SINGULARITY/Advanced Simulacra.ogg|Advanced Simulacra|Max McCracken|CC-BY-SA-3.0
ambient|singularity-music|ogg|$SINGULARITY/Awakening.ogg|Awakening|Max McCracken|CC-BY-SA-3.0
ambient|singularity-music|ogg|$SINGULARITY/By-Product.ogg|By-Product|Max McCracken|CC-BY-SA-3.0
ambient|singularity-music|ogg|$SINGULARITY/Coherence.ogg|Coherence|Max McCracken|CC-BY-SA-3.0
ambient|singularity-music|ogg|$SINGULARITY/Deprecation.ogg|Deprecation|Max McCracken|CC-BY-SA-3.0
ambient|singularity-music|ogg|$SINGULARITY/Enemy Unknown.ogg|Enemy Unknown|Max McCracken|CC-BY-SA-3.0
ambient|singularity-music|ogg|$SINGULARITY/Inevitable.ogg|Inevitable|Max McCracken|CC-BY-SA-3.0
ambient|singularity-music|ogg|$SINGULARITY/Nebula.ogg|Nebula|Max McCracken|CC-BY-SA-3.0
metal|fretsonfire-songs-muldjord|fof|$FOF/muldjord/armygeddon|Armygeddon|El Senator (Muldjord)|CC-BY-SA-3.0
metal|fretsonfire-songs-muldjord|fof|$FOF/muldjord/chaos_god|Chaos God|El Senator (Muldjord)|CC-BY-SA-3.0
metal|fretsonfire-songs-muldjord|fof|$FOF/muldjord/internal_degeneration|Internal Degeneration|El Senator (Muldjord)|CC-BY-SA-3.0
metal|fretsonfire-songs-muldjord|fof|$FOF/muldjord/mutilated_mime|Mutilated Mime|El Senator (Muldjord)|CC-BY-SA-3.0
metal|fretsonfire-songs-sectoid|fof|$FOF/sectoid/Escape from chaosland|Escape from chaosland|Carlos Viola Iborra (Sectoid)|MIT
metal|fretsonfire-songs-sectoid|fof|$FOF/sectoid/Feelings|Feelings|Carlos Viola Iborra (Sectoid)|MIT
metal|fretsonfire-songs-sectoid|fof|$FOF/sectoid/Metal madness|Metal madness|Carlos Viola Iborra (Sectoid)|MIT
metal|fretsonfire-songs-sectoid|fof|$FOF/sectoid/War of freedom|War of freedom|Carlos Viola Iborra (Sectoid)|MIT
blues_midi|openttd-openmsx|midi|$OPENMSX/5432gone_redfarn.mid|5 4 3 2 .. Gone|Jim Redfarn|GPL-2.0-only AND MIT
blues_midi|openttd-openmsx|midi|$OPENMSX/be_sharp_bw_redfarn.mid|Be Sharp Boogie|Jim Redfarn|GPL-2.0-only AND MIT
blues_midi|openttd-openmsx|midi|$OPENMSX/boogi_marabi_redfarn.mid|Boogie Marabi|Jim Redfarn|GPL-2.0-only AND MIT
blues_midi|openttd-openmsx|midi|$OPENMSX/city_blues_redfarn.mid|City Blues|Jim Redfarn|GPL-2.0-only AND MIT
blues_midi|openttd-openmsx|midi|$OPENMSX/mosey_along_redfarn.mid|Mosey Along|Jim Redfarn|GPL-2.0-only AND MIT
blues_midi|openttd-openmsx|midi|$OPENMSX/no_work_song_redfarn.mid|No Work Song|Jim Redfarn|GPL-2.0-only AND MIT
blues_midi|openttd-openmsx|midi|$OPENMSX/say_what_redfarn.mid|Say What|Jim Redfarn|GPL-2.0-only AND MIT
blues_midi|openttd-openmsx|midi|$OPENMSX/slow_neasy_redfarn.mid|Slow and Easy|Jim Redfarn|GPL-2.0-only AND MIT
blues_midi|openttd-openmsx|midi|$OPENMSX/the_hobo_redfarn.mid|The Hobo|Jim Redfarn|GPL-2.0-only AND MIT
EOF
)

# Tags per class (style of the source); a loudness tag per clip is added from its mean volume.
declare -A CLASS_TAGS=(
  [orchestral]='orchestral|acoustic|cinematic'
  [electronic]='electronic|synth|beat-driven'
  [ambient]='ambient|synth|atmospheric'
  [metal]='metal|distorted-guitar|drums'
  [blues_midi]='blues|jazz|midi-rendered'
)

# --- tools -----------------------------------------------------------------------------------
TOOL_PACKAGES="ffmpeg vorbis-tools fluidsynth fluid-soundfont-gm unzip"
missing=()
for tool in ffmpeg ffprobe oggenc fluidsynth unzip dpkg-deb apt-get sha1sum; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[[ -f $SOUNDFONT ]] || missing+=("$SOUNDFONT")
if ((${#missing[@]})); then
  cmd="apt-get install -y --no-install-recommends $TOOL_PACKAGES"
  if [[ $(id -u) == 0 ]]; then
    echo "build-demo-corpus: installing tools (${missing[*]}): $cmd" >&2
    DEBIAN_FRONTEND=noninteractive $cmd >&2
  else
    echo "build-demo-corpus: missing ${missing[*]}; install the tools as root with:" >&2
    echo "  sudo $cmd" >&2
    exit 1
  fi
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# --- packages --------------------------------------------------------------------------------
mkdir -p "$WORK/deb"
for pkg in "${!VERSION[@]}"; do
  (cd "$WORK/deb" && apt-get download -q "$pkg=${VERSION[$pkg]}" >&2) || {
    echo "build-demo-corpus: cannot download $pkg=${VERSION[$pkg]} (apt-get update? other release?)" >&2
    exit 1
  }
  mkdir -p "$WORK/root/$pkg"
  dpkg-deb -x "$WORK/deb/${pkg}_"*.deb "$WORK/root/$pkg"
  rm "$WORK/deb/${pkg}_"*.deb
done

# --- helpers ---------------------------------------------------------------------------------
slug() { tr 'A-Z' 'a-z' <<<"$1" | sed 's/[^a-z0-9]\+/-/g; s/^-//; s/-$//'; }
# Short id of a track from its path: file or directory name without extension, as a slug.
track_id() { local name=${1##*/}; slug "${name%.*}"; }
csv() { local s=${1//\"/\"\"}; printf '"%s"' "$s"; }

# Prints the path of a decodable audio file for a track (unpacking or rendering it if needed).
source_audio() {
  local pkg=$1 kind=$2 path=$3 id=$4 root="$WORK/root/$1"
  case $kind in
    ogg) echo "$root/$path" ;;
    pk3) unzip -p "$root/${path%%!*}" "${path#*!}" >"$WORK/$id.ogg"; echo "$WORK/$id.ogg" ;;
    fof) ffmpeg -nostdin -v error -y -i "$root/$path/song.ogg" -i "$root/$path/guitar.ogg" \
           -filter_complex amix=inputs=2:duration=longest -c:a pcm_f32le "$WORK/$id.wav"
         echo "$WORK/$id.wav" ;;
    midi) fluidsynth -q -n -i -o synth.cpu-cores=1 -r $RATE -g 0.2 -F "$WORK/$id.wav" \
            "$SOUNDFONT" "$root/$path" >/dev/null
          echo "$WORK/$id.wav" ;;
  esac
}

# Decodes exactly CLIP_S * RATE samples from offset $2 (s) of file $1 to mono 16-bit PCM at RATE
# (raw, to $3). ffmpeg's -t cuts by timestamps, so decode a little more and truncate by bytes.
excerpt() {
  local bytes=$((CLIP_S * RATE * 2))
  ffmpeg -nostdin -v error -ss "$2" -t $((CLIP_S + 1)) -i "$1" -ac 1 -ar $RATE -f s16le -c:a pcm_s16le -y "$3"
  (( $(stat -c %s "$3") >= bytes )) || { echo "build-demo-corpus: $1 too short at $2 s" >&2; exit 1; }
  truncate -s $bytes "$3"
}

mean_db() {
  ffmpeg -nostdin -f s16le -ar $RATE -ac 1 -i "$1" -af volumedetect -f null - 2>&1 |
    sed -n 's/.*mean_volume: \(-\?[0-9.]*\) dB.*/\1/p'
}

# --- splits ----------------------------------------------------------------------------------
declare -A SPLIT
for class in $(cut -d'|' -f1 <<<"$TRACKS" | sort -u); do
  mapfile -t keys < <(grep "^$class|" <<<"$TRACKS" | while IFS='|' read -r c _ _ path _; do
    key="$c/$(track_id "$path")"; echo "$(printf '%s' "$key" | sha1sum | cut -c1-40) $key"
  done | sort | cut -d' ' -f2)
  n=${#keys[@]}; k=$(( (n + 2) / 5 )); ((k >= 1)) || k=1   # round(0.2 n), at least 1
  for i in "${!keys[@]}"; do
    if ((i < k)); then SPLIT[${keys[$i]}]=test
    elif ((i < 2 * k)); then SPLIT[${keys[$i]}]=validation
    else SPLIT[${keys[$i]}]=train; fi
  done
done

# --- clips -----------------------------------------------------------------------------------
rm -rf "$OUT/clips" "$OUT/licenses" "$OUT/sources"
mkdir -p "$OUT/clips" "$OUT/licenses" "$OUT/sources/midi"
LABELS="$OUT/labels.csv"
echo 'clip,class,tags,split,source_track,offset_s,license,attribution' >"$LABELS"
serial=0
while IFS='|' read -r class pkg kind path title author license; do
  track=$(track_id "$path")
  key="$class/$track"
  audio=$(source_audio "$pkg" "$kind" "$path" "$track")
  duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$audio")
  [[ $kind == midi ]] && cp "$WORK/root/$pkg/$path" "$OUT/sources/midi/"
  attribution="\"$title\" by $author; Debian package $pkg ${VERSION[$pkg]}, file ${path##*/}"
  for part in a:0.30 b:0.65; do
    letter=${part%%:*}
    offset=$(awk -v d="$duration" -v f="${part#*:}" 'BEGIN { printf "%d", d * f }')
    while :; do
      (( offset + CLIP_S + 1 <= ${duration%.*} )) || { echo "build-demo-corpus: $key: no loud excerpt" >&2; exit 1; }
      excerpt "$audio" "$offset" "$WORK/clip.raw"
      db=$(mean_db "$WORK/clip.raw")
      awk -v v="$db" -v t=$SILENCE_DB 'BEGIN { exit !(v >= t) }' && break
      offset=$((offset + 10))
    done
    loudness=$(awk -v v="$db" 'BEGIN { print (v > -16 ? "loud" : (v < -26 ? "soft" : "moderate")) }')
    id="$class-$track-$letter"
    serial=$((serial + 1))
    oggenc -Q -q $QUALITY --serial $serial -r --raw-bits=16 --raw-chan=1 --raw-rate=$RATE \
      -t "$title (excerpt at ${offset} s)" -a "$author" -c "LICENSE=$license" \
      -c "SOURCE=Debian package $pkg ${VERSION[$pkg]}, $path" -o "$OUT/clips/$id.ogg" "$WORK/clip.raw"
    {
      printf '%s,%s,%s,%s,' "$id" "$class" "$(csv "${CLASS_TAGS[$class]}|$loudness")" "${SPLIT[$key]}"
      printf '%s,%s,%s,%s\n' "$(csv "$pkg:$path")" "$offset" "$(csv "$license")" "$(csv "$attribution")"
    } >>"$LABELS"
    echo "$id ${SPLIT[$key]} offset=${offset}s mean=${db}dB" >&2
  done
  [[ $kind == ogg ]] || rm -f "$audio"
done <<<"$TRACKS"

# --- licenses --------------------------------------------------------------------------------
for pkg in "${!VERSION[@]}"; do
  cp "$WORK/root/$pkg/usr/share/doc/$pkg/copyright" "$OUT/licenses/$pkg.copyright"
done
cp /usr/share/doc/fluid-soundfont-gm/copyright "$OUT/licenses/fluid-soundfont-gm.copyright"
cp /usr/share/common-licenses/GPL-2 "$OUT/licenses/GPL-2"
zcat "$WORK/root/openttd-openmsx/usr/share/doc/openttd-openmsx/readme.txt.gz" >"$OUT/licenses/openttd-openmsx.readme.txt"

pkgver() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo unknown; }
{
  cat <<EOF
# Demo corpus: licenses and attribution

Generated by \`environment/build-demo-corpus.sh\`; do not edit by hand.

Every clip is a **modified excerpt** of a track from a DFSG-free Debian package (Debian 12
"bookworm", main): cut to $CLIP_S s, downmixed to mono, resampled to $RATE Hz and re-encoded as
Ogg Vorbis (oggenc -q $QUALITY). Frets on Fire tracks are the mix of the backing track
(\`song.ogg\`) and the guitar track (\`guitar.ogg\`) of the song. OpenMSX tracks are MIDI files
rendered with FluidSynth and the FluidR3_GM soundfont (Frank Wen, MIT license); the rendered
audio contains the soundfont's samples, hence "GPL-2.0-only AND MIT". The MIDI sources are
shipped in \`sources/midi/\` (the corresponding source of those GPL-2.0 works). Each clip keeps
its license; the Ogg comments of every clip carry title, author, license and source.

Licenses: GPL-2.0 text in \`licenses/GPL-2\`; CC-BY-SA-3.0: https://creativecommons.org/licenses/by-sa/3.0/
(adaptations here are shared under the same license); MIT: text in the copyright file of the
package. The full Debian copyright file of every package is in \`licenses/<package>.copyright\`.

## Packages

| package | version | license | copyright holders (from the Debian copyright file) |
|---|---|---|---|
| wesnoth-1.16-music | ${VERSION[wesnoth-1.16-music]} | GPL-2.0-or-later | David White and the Battle for Wesnoth contributors (composers per track from the upstream changelog) |
| nexuiz-music | ${VERSION[nexuiz-music]} | GPL-2.0-or-later | 2002-2009 Alientrap, Lee Vermeulen (Nexuiz team) |
| singularity-music | ${VERSION[singularity-music]} | CC-BY-SA-3.0 | 2007-2008, 2012 Max McCracken |
| fretsonfire-songs-muldjord | ${VERSION[fretsonfire-songs-muldjord]} | CC-BY-SA-3.0 | 2009 El Senator (Muldjord, www.muldjord.com) |
| fretsonfire-songs-sectoid | ${VERSION[fretsonfire-songs-sectoid]} | MIT | 2006/2007 Carlos Viola Iborra (Sectoid) |
| openttd-openmsx | ${VERSION[openttd-openmsx]} | GPL-2.0-only | 2010-2021 OpenMSX Authors (Ezy Street tracks: Jim Redfarn) |
| fluid-soundfont-gm (renderer) | $(pkgver fluid-soundfont-gm) | MIT | 2000-2002, 2008 Frank Wen; 2008 Toby Smithe |

Tools used: ffmpeg $(pkgver ffmpeg), vorbis-tools $(pkgver vorbis-tools), fluidsynth $(pkgver fluidsynth).

## Source tracks

| class | title | author | package | original file | license | clips |
|---|---|---|---|---|---|---|
EOF
  while IFS='|' read -r class pkg kind path title author license; do
    track=$(track_id "$path")
    [[ $kind == fof ]] && file="$path/{song,guitar}.ogg" || file=$path
    echo "| $class | $title | ${author//|/\\|} | $pkg | \`$file\` | $license | $class-$track-a, $class-$track-b |"
  done <<<"$TRACKS"
} >"$OUT/LICENSES.md"

echo "build-demo-corpus: $serial clips, $(du -cb "$OUT"/clips/*.ogg | tail -1 | cut -f1) bytes in $OUT/clips" >&2
