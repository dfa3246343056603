#!/usr/bin/env bash
# Issue 29's catalogue, timed: 500 comparisons — 250 of yours and 250 in a
# source (a local git repository added with `versus source add`) — plus the
# 2 shipped. Prints, medians of 5:
#   1. `versus list`;
#   2. in tmux at 120×40, Ctrl-O to the picker's first frame and to "502 of 502";
#   3. the picker's content match: from typing "orm" (in no name) to its list;
#   4. `versus search --all orm` over all of them.
# Targets: list and picker ≤ 100 ms; search --all reported.
#
#   bash benches/sources.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
cargo build --release --quiet --bin versus
bin=$PWD/target/release/versus
tmp=$(mktemp -d)
sock=versus-sources-bench
trap 'tmux -L $sock kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state GIT_CONFIG_GLOBAL=/dev/null
mine=$XDG_DATA_HOME/versus/comparisons
mkdir -p "$mine" "$tmp/repo/comparisons"
"$bin" new rust-vs-go >/dev/null 2>&1
python3 - "$mine" "$tmp/repo/comparisons" <<'EOF'
import os, sys
mine, repo = sys.argv[1], sys.argv[2]
starter = open(os.path.join(mine, "rust-vs-go.ron")).read()
os.remove(os.path.join(mine, "rust-vs-go.ron"))
for n in range(500):
    text = starter.replace("Rust vs Go", f"Comparison {n}", 1)
    if n % 10 == 0:
        text = text.replace("(something Rust does well, in one sentence)", "An ORM that maps tables to types", 1)
    folder = mine if n < 250 else repo
    open(os.path.join(folder, f"c{n:03}.ron"), "w").write(text)
EOF
git -C "$tmp/repo" init -q -b main . && git -C "$tmp/repo" add -A \
    && git -C "$tmp/repo" -c user.email=b@example.org -c user.name=bench commit -qm bench
"$bin" source add team "$tmp/repo" >/dev/null
echo "catalogue: $("$bin" list | grep -c '^c[0-9]\|^team/') comparisons + 2 shipped — $(nproc) cores, $(date -u +%Y-%m-%d)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s%N; }
time_of() { for _ in 1 2 3 4 5; do s=$(now); "$@" >/dev/null || true; e=$(now); echo $(( (e - s) / 1000000 )); done | median; }

echo "versus list: $(time_of "$bin" list) ms"
echo "versus search --all orm: $(time_of "$bin" search --all orm) ms ($("$bin" search --all orm | grep -c ' hits\?$') comparisons found)"

first=() complete=() content=()
screen() { tmux -L $sock capture-pane -p -t main; }
for _ in 1 2 3 4 5; do
    tmux -L $sock -f /dev/null new-session -d -s main -x 120 -y 40 "$bin"
    until [[ $(screen) == *Features* ]]; do sleep 0.02; done
    s=$(now)
    tmux -L $sock send-keys -t main C-o
    until [[ $(screen) == *'Open a comparison'* ]]; do :; done
    f=$(now)
    until [[ $(screen) == *'502 of 502'* ]]; do :; done
    c=$(now)
    tmux -L $sock send-keys -t main -l orm
    t=$(now)
    until [[ $(screen) == *'by content'* ]]; do :; done
    d=$(now)
    first+=($(( (f - s) / 1000000 ))) complete+=($(( (c - s) / 1000000 ))) content+=($(( (d - t) / 1000000 )))
    tmux -L $sock kill-server
done
echo "picker, Ctrl-O to first frame: $(printf '%s\n' "${first[@]}" | median) ms; to all 502 listed: $(printf '%s\n' "${complete[@]}" | median) ms"
echo "picker, 'orm' typed to the content match listed: $(printf '%s\n' "${content[@]}" | median) ms"
