#!/usr/bin/env bash
# A large catalogue, timed: 600 comparisons in the user's folder, 30 of them
# links to one 64 MB comparison (680,000 pros), the rest small. Prints
#   1. `versus list` wall time (median of 5, through hyperfine when present,
#      else of 5 timed runs);
#   2. in tmux at 120×40, from Ctrl-O to the picker's first frame, and to the
#      frame that shows the whole catalogue listed ("602 of 602": 600 and the 2 shipped), median of 5.
# The targets (issue 23): first draw ≤ 100 ms, listing complete ≤ 2 s. The
# tmux figures include tmux's own capture polling (every ~5 ms), so they are
# upper bounds.
#
#   bash benches/catalogue.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
cargo build --release --quiet --bin versus
bin=$PWD/target/release/versus
tmp=$(mktemp -d)
trap 'tmux -L versus-catalogue kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
dir=$tmp/data/versus/comparisons
mkdir -p "$dir"
XDG_DATA_HOME=$tmp/data "$bin" new rust-vs-go >/dev/null
python3 - "$dir" "$tmp/large.ron" <<'EOF'
import os, sys
folder, large = sys.argv[1], sys.argv[2]
starter = open(os.path.join(folder, "rust-vs-go.ron")).read()
one = 'pros: ["(something Rust does well, in one sentence)"]'
pros = ", ".join(f'"Pro {n} of Rust: memory safety without a garbage collector, and fearless concurrency too."' for n in range(680_000))
open(large, "w").write(starter.replace(one, f"pros: [{pros}]", 1))
os.remove(os.path.join(folder, "rust-vs-go.ron"))
for n in range(600):
    path = os.path.join(folder, f"c{n:03}.ron")
    if n % 20 == 0:
        os.symlink(large, path)
    else:
        open(path, "w").write(starter.replace("Rust vs Go", f"Comparison {n}", 1))
EOF
echo "catalogue: 600 files, 30 links to a $(du -m "$tmp/large.ron" | cut -f1) MB comparison — $(nproc) cores, $(date -u +%Y-%m-%d)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s%N; }

list_ms=$(for _ in 1 2 3 4 5; do
    s=$(now); XDG_DATA_HOME=$tmp/data "$bin" list >/dev/null || true; e=$(now)
    echo $(( (e - s) / 1000000 ))
done | median)
echo "versus list: ${list_ms} ms (median of 5)"

first=() complete=()
for _ in 1 2 3 4 5; do
    tmux -L versus-catalogue -f /dev/null new-session -d -s main -x 120 -y 40 \
        "XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state $bin"
    until [[ $(tmux -L versus-catalogue capture-pane -p -t main) == *Features* ]]; do sleep 0.02; done
    s=$(now)
    tmux -L versus-catalogue send-keys -t main C-o
    until [[ $(tmux -L versus-catalogue capture-pane -p -t main) == *'Open a comparison'* ]]; do :; done
    f=$(now)
    until [[ $(tmux -L versus-catalogue capture-pane -p -t main) == *'602 of 602'* ]]; do :; done
    c=$(now)
    first+=($(( (f - s) / 1000000 ))) complete+=($(( (c - s) / 1000000 )))
    tmux -L versus-catalogue kill-server
done
echo "picker, Ctrl-O to first frame: $(printf '%s\n' "${first[@]}" | median) ms; to all 602 listed: $(printf '%s\n' "${complete[@]}" | median) ms (medians of 5)"
