#!/usr/bin/env bash
# Issue 14's separate check: lofi's default command lines, unchanged, on a data set unlike SynthTAL
# (OtherMotions.java) that has only training and validation subsets. Prints the held-out and the
# validation figures; takes about 10 minutes on two cores. Usage: tests/checks/other-motions.sh [WORK] [SEED]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/lofi-other-motions}"
seed="${2:-7}"
port=9192
bootstrap="localhost:$port"
cd "$root"
./lofi --version >/dev/null   # builds on first use
rm -rf "$work" && mkdir -p "$work"
classpath="$(ls ingest/target/lofi-ingest-*.jar | head -n 1):$(cat cli/target/lofi.classpath)"
java -cp "$classpath" tests/checks/OtherMotions.java "$work/data" "$seed" >"$work/generate.log"
./lofi broker --port "$port" --data-dir "$work/broker" >"$work/broker.log" 2>&1 &
broker=$!
trap 'kill $broker 2>/dev/null || true' EXIT
until ./lofi topics list --bootstrap "$bootstrap" >/dev/null 2>&1; do sleep 2; done
start=$(date +%s)
./lofi ingest --bootstrap "$bootstrap" --videos "$work/data/videos" --annotations "$work/data/annotations.json" \
  >"$work/ingest.log" 2>&1
./lofi train --bootstrap "$bootstrap" --stage all >"$work/train.log" 2>&1
echo "ingest and train --stage all: $(( $(date +%s) - start )) s"
grep -a "stage .* took\|^pretrain:" "$work/train.log" | cut -c1-200
mkdir -p "$work/validation"
python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['database']; print('\n'.join(k for k,v in d.items() if v['subset']=='validation'))" \
  "$work/data/annotations.json" | while read -r id; do ln -sf "$work/data/videos/$id.mp4" "$work/validation/$id.mp4"; done
for split in test validation; do
  videos="$work/data/test/videos"; gt="$work/data/test/annotations.json"
  if [ "$split" = validation ]; then videos="$work/validation"; gt="$work/data/annotations.json"; fi
  ./lofi localize files "$videos" --out "$work/pred-$split.json" --bootstrap "$bootstrap" >"$work/localize-$split.log" 2>&1
  ./lofi evaluate --gt "$gt" --pred "$work/pred-$split.json" --subset validation >"$work/evaluate-$split.txt"
  echo "$split: $(grep -E "^(0.50|average) " "$work/evaluate-$split.txt" | tr -s " " | tr "\n" " ")"
done
