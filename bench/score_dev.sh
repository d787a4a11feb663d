#!/usr/bin/env bash
# Build the seed and the dev set and print the scorer's figures (../shared must sit beside the repo).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=../shared/eval
tmp=$(mktemp -d)
.venv/bin/kg build seeds --out "$tmp/seed" --quiet >/dev/null
.venv/bin/python "$SHARED/score.py" "$tmp/seed/graph.ttl" "$SHARED/gold/seed.json" "$@"
.venv/bin/kg build "$SHARED/corpus" --out "$tmp/dev" --quiet >/dev/null
golds=()
for f in "$SHARED"/corpus/*.md; do golds+=("$SHARED/gold/$(basename "${f%.md}").json"); done
.venv/bin/python "$SHARED/score.py" "$tmp/dev/graph.ttl" "${golds[@]}" "$@"
rm -rf "$tmp"
