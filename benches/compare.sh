#!/usr/bin/env bash
# Side-by-side figures for versus, in one run on this machine:
#   1. keystroke latency p50/p99 at 10k and 100k entries, and the longest frame
#      while searching 1M (cargo bench --bench search; run first, on a cool
#      machine: right after minutes of fzf at full load it reads ~20% slower);
#   2. start-up: `versus startup-frame` (embedded data, index, first frame into
#      an off-screen buffer) against examples/bare_frame (the ratatui floor);
#   3. `versus search --lines` against `fzf --filter` on the same 1M lines;
#   4. peak RSS (GNU time) of versus on the default data, on 100k entries, and
#      of both searchers on 1M lines;
#   5. what the auto theme's question to the terminal costs when the terminal
#      never answers (a pseudo-terminal that stays silent, python3's pty).
# Medians of repeated, interleaved runs; ratios are what to compare, since the
# machines are shared and noisy. Installs hyperfine, fzf and GNU time with
# apt-get when they are missing.
#
#   bash benches/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v fzf >/dev/null 2>&1 || missing+=(fzf)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --release --quiet --bin versus --example bare_frame --example gen_data
bin="${CARGO_TARGET_DIR:-target}/release"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "versus benchmarks — $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
echo

median() { # hyperfine JSON file, command index → median in ms
    python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]; print(f\"{r['median']*1000:.2f}\")" "$1" "$2"
}
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.2f}')" "$1" "$2"; }

echo "1. Keystroke latency and frames (cargo bench --bench search):"
cargo bench --quiet --bench search -- in-app 2>/dev/null | sed -n '/^1\./,$p' | sed 's/^/   /'
echo

"$bin/examples/gen_data" 100000 > "$tmp/100k.ron"
"$bin/examples/gen_data" --lines 1000000 > "$tmp/1m.txt"

echo "2. Start-up, median of 300 runs each (hyperfine -N, interleaved warm-up):"
hyperfine -N --style none --warmup 30 --runs 300 --export-json "$tmp/start.json" \
    "$bin/versus startup-frame" "$bin/examples/bare_frame" >/dev/null 2>&1
s_v=$(median "$tmp/start.json" 0); s_b=$(median "$tmp/start.json" 1)
printf '   versus startup-frame %8s ms   bare_frame %8s ms   ratio %s× (target ≤ 1.3×)\n' "$s_v" "$s_b" "$(ratio "$s_v" "$s_b")"
echo

echo "3. versus search --lines vs fzf --filter, 1,000,000 lines, median of 7 runs each:"
# One term matching every line, one selective term, two terms, and no hit.
for q in cfgdeploy rollback "cfg staging" zzqx; do
    hyperfine --style none --warmup 1 --runs 7 --export-json "$tmp/lines.json" \
        "$bin/versus search --lines '$q' < $tmp/1m.txt > /dev/null" \
        "fzf --filter '$q' < $tmp/1m.txt > /dev/null" -i >/dev/null 2>&1
    l_v=$(median "$tmp/lines.json" 0); l_f=$(median "$tmp/lines.json" 1)
    h_v=$("$bin/versus" search --lines "$q" < "$tmp/1m.txt" | wc -l || true)
    h_f=$(fzf --filter "$q" < "$tmp/1m.txt" | wc -l || true)
    printf '   %-12s versus %8s ms   fzf %8s ms   ratio %s× (target ≤ 0.6×)   hits %s / %s\n' \
        "$q" "$l_v" "$l_f" "$(ratio "$l_v" "$l_f")" "$h_v" "$h_f"
done
echo

peak() { # command... → median peak RSS in KB over 3 runs
    local runs=()
    for _ in 1 2 3; do
        runs+=("$( { /usr/bin/time -f '%M' "$@" > /dev/null; } 2>&1 | tail -n 1)")
    done
    printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}
mb() { python3 -c "import sys; print(f'{int(sys.argv[1])/1024:.1f}')" "$1"; }
echo "4. Peak RSS (median of 3):"
r_def=$(peak "$bin/versus" startup-frame)
r_100k=$(peak "$bin/versus" --data "$tmp/100k.ron" startup-frame)
r_lines=$(peak sh -c "$bin/versus search --lines cfgdeploy < $tmp/1m.txt")
r_fzf=$(peak sh -c "fzf --filter cfgdeploy < $tmp/1m.txt")
printf '   versus, default data          %8s MB (target ≤ 10 MB)\n' "$(mb "$r_def")"
printf '   versus, 100k entries          %8s MB\n' "$(mb "$r_100k")"
printf '   versus search --lines, 1M     %8s MB   fzf --filter %s MB   ratio %s× (target ≤ 0.5×)\n' \
    "$(mb "$r_lines")" "$(mb "$r_fzf")" "$(ratio "$r_lines" "$r_fzf")"
echo


echo "5. The theme probe (auto asks the terminal for its background): versus config on a terminal that"
echo "   never answers, against the same with NO_COLOR=1 (which never asks), median of 21 each, interleaved:"
python3 - "$bin/versus" <<'PY'
import os, pty, statistics, sys, time
versus = sys.argv[1]
def run(no_color):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLORFGBG")}
    env["TERM"] = "xterm-256color"
    if no_color:
        env["NO_COLOR"] = "1"
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(versus, [versus, "config"], env)
    while True:  # read everything, answer nothing
        try:
            if not os.read(fd, 4096):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return (time.perf_counter() - start) * 1000
asked, not_asked = [], []
for _ in range(21):
    asked.append(run(False))
    not_asked.append(run(True))
a, n = statistics.median(asked), statistics.median(not_asked)
print(f"   silent terminal {a:7.2f} ms   never asked {n:7.2f} ms   delay {a - n:6.2f} ms (target ≤ 50 ms)")
PY
