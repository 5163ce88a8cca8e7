#!/usr/bin/env bash
# Old vs new extractor on every held-out set, one row per set and extractor: P, R, F1, experts F1, nationality.
# usage: bench/heldout/score_all.sh DOCS_ROOT [OLD_CMD]
#   DOCS_ROOT holds setN/docs/ (rebuilt as README.md says); OLD_CMD runs another checkout's `opinions`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$1"; old="${2:-}"
score="$here/../../../shared/bench/seed_score.py"
printf "%-6s %-4s %6s %6s %6s %8s %8s\n" set ext P R F1 experts nation
for gold in "$here"/set*/gold; do
  set_name="$(basename "$(dirname "$gold")")"
  for ext in ${old:+old} new; do
    cmd="$here/../../.venv/bin/opinions"; [ "$ext" = old ] && cmd="$old"
    line="$(python3 "$score" --docs "$root/$set_name/docs" --gold "$gold" --cmd "$cmd" 2>/dev/null | tail -n 1)"
    get() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$line"; }
    printf "%-6s %-4s %6s %6s %6s %8s %8s\n" "$set_name" "$ext" "$(get attribution_p)" "$(get attribution_r)" \
      "$(get attribution_f1)" "$(get expert_f1)" "$(get nationality_acc)"
  done
done
