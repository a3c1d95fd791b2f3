#!/usr/bin/env bash
# tui-tmux.sh IKSPLAN: drive the real wizard in tmux as a person would and check
# the defects of issue 10 stay fixed:
#   item 1  drafts are not keyed by the cluster name; a file's draft is offered, not replaced
#   item 2  edit + write is one transaction: "overwrite? no" leaves the folder as it was
#   item 4  resume lands on the same page and field; enter through keeps the existing VPC
#   item 5  kill -9 loses no committed answer; accessible ctrl+c saves and exits 130
#   item 6  a burst of typed text is text ("set up manually tab enter")
# Each check prints PASS or FAIL with the screen on failure; exit 1 if any failed.
set -uo pipefail
BIN=${1:?usage: tui-tmux.sh IKSPLAN}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
command -v tmux >/dev/null || { echo "tui-tmux: tmux is not installed" >&2; exit 1; }
WORK=$(mktemp -d)
SESSION=iksplan-tui-$$
FAILS=0
# NB: a private tmux server (-L): the default one may be shared, and a server
# that exits with its last session races the next new-session.
trap 'tmux -L "$SESSION" kill-server 2>/dev/null; sleep 0.2; rm -rf -- "$WORK" 2>/dev/null' EXIT

# start [W H] CMD...: run CMD in a fresh tmux session (120x40 unless given).
start() {
  local w=120 h=40
  if [[ $1 =~ ^[0-9]+$ ]]; then w=$1 h=$2; shift 2; fi
  tmux -L "$SESSION" kill-session -t "$SESSION" 2>/dev/null
  sleep 0.2
  printf '%q ' "$@" >"$WORK/cmd"
  tmux -L "$SESSION" new-session -d -s "$SESSION" -x "$w" -y "$h" \
    "cd $(printf %q "$WORK") && export XDG_STATE_HOME=$(printf %q "$WORK/state") LANG=${LANG:-C.UTF-8}; $(cat "$WORK/cmd"); echo EXIT=\$?; sleep 600"
}
screen() { tmux -L "$SESSION" capture-pane -p -t "$SESSION"; }
keys() { tmux -L "$SESSION" send-keys -t "$SESSION" "$@"; sleep 0.25; }
text() { tmux -L "$SESSION" send-keys -t "$SESSION" -l "$1"; sleep 0.25; }
# wait_for TEXT [SECONDS]: until the screen shows TEXT.
wait_for() {
  local i
  for ((i = 0; i < ${2:-10} * 10; i++)); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}
pass() { echo "PASS item $1: $2"; }
fail() {
  echo "FAIL item $1: $2"
  screen | sed 's/^/    | /'
  FAILS=$((FAILS + 1))
}
DRAFTS=$WORK/state/iksplan/drafts
drafts() { ls "$DRAFTS"/*.yaml 2>/dev/null; }
# pid of the wizard process in the session.
wizard_pid() { pgrep -f -n -- "^$BIN" ; }
reset_state() { rm -rf -- "$WORK/state" "$WORK"/*.yaml "$WORK"/out1; }

# ---- item 6: a burst is text ---------------------------------------------------
item6() {
  reset_state
  start "$BIN"
  wait_for "How do you want to start?" || { fail 6 "no welcome screen"; return; }
  keys Down Down Enter # tokyo-vpc-production
  wait_for "step 1/" || { fail 6 "preset did not start"; return; }
  keys Enter Enter Enter Enter
  wait_for "What is the cluster for?" || { fail 6 "no about page"; return; }
  keys End C-u
  # One write of the whole text, as a paste without bracketed paste (or a
  # slow link) delivers it: bubbletea reads each word as one key named by it.
  tmux -L "$SESSION" set-buffer -- "set up manually tab enter"
  tmux -L "$SESSION" paste-buffer -t "$SESSION" # no -p: not bracketed
  sleep 0.3
  keys Enter # commits the answer (saved per answer)
  sleep 0.5
  if grep -q "description: set up manually tab enter$" "$DRAFTS"/*.yaml && screen | grep -qF "Owner"; then
    pass 6 "typed burst kept whole: 'set up manually tab enter'"
  else
    fail 6 "burst lost words: $(grep -h 'description:' "$DRAFTS"/*.yaml)"
  fi
}

# ---- item 5: kill -9 keeps committed answers; accessible ctrl+c --------------------
item5() {
  reset_state
  start "$BIN"
  wait_for "How do you want to start?" || { fail 5 "no welcome screen"; return; }
  keys Down Down Enter
  wait_for "step 1/" || { fail 5 "preset did not start"; return; }
  keys Enter Enter Enter Enter
  wait_for "What is the cluster for?" || { fail 5 "no about page"; return; }
  keys End C-u
  text "committed-answer"
  keys Enter
  text "partial" # being typed: may be lost
  sleep 0.5
  kill -9 "$(wizard_pid)"
  sleep 0.3
  if grep -q "description: committed-answer" "$DRAFTS"/*.yaml; then
    pass 5 "kill -9 kept the committed answer on the current page"
  else
    fail 5 "kill -9 lost the committed answer"
  fi
  reset_state
  start "$BIN" --accessible
  wait_for "How do you want to start?" || { fail 5 "accessible: no start question"; return; }
  text "1"; keys Enter # dev-single-zone
  wait_for "Cluster name" || { fail 5 "accessible: no cluster name"; return; }
  text "acc-answer"; keys Enter
  wait_for "Environment" || { fail 5 "accessible: no environment question"; return; }
  text "?"; keys Enter
  wait_for "Why:" || { fail 5 "accessible: ? printed no help"; return; }
  keys C-c
  if wait_for "EXIT=130" 5 && grep -q "name: acc-answer" "$DRAFTS"/*.yaml; then
    pass 5 "accessible: ? explains; ctrl+c saved every answer and exited 130"
  else
    fail 5 "accessible ctrl+c: exit or draft wrong"
  fi
}

# ---- item 1: draft identity ---------------------------------------------------------
item1() {
  reset_state
  "$BIN" init --preset tokyo-vpc-production -o "$WORK/a.yaml" >/dev/null || { fail 1 "init failed"; return; }
  start "$BIN"
  wait_for "How do you want to start?" || { fail 1 "no welcome"; return; }
  keys Down Down Enter
  wait_for "step 1/" || { fail 1 "preset did not start"; return; }
  keys Tab Enter
  keys C-c; keys y
  wait_for "EXIT=" 5 || { fail 1 "quit did not exit"; return; }
  start "$BIN" edit a.yaml
  wait_for "step 1/" || { fail 1 "edit did not start"; return; }
  keys Tab Enter
  keys C-c; keys y
  wait_for "EXIT=" 5
  local n
  n=$(drafts | wc -l)
  if ((n != 2)); then fail 1 "two designs of cluster shop-vpc-prod share a draft ($n drafts)"; return; fi
  start "$BIN" edit a.yaml
  if wait_for "a.yaml already has a draft" && screen | grep -qF "Start over from a.yaml"; then
    pass 1 "a preset and a file of the same cluster name keep 2 drafts; the file's draft is offered before replacing"
  else
    fail 1 "editing a.yaml again did not ask about its draft"
  fi
}

# ---- item 4: resume on the same page and field --------------------------------------
item4() {
  reset_state
  "$BIN" init --preset tokyo-vpc-production -o "$WORK/v.yaml" >/dev/null || { fail 4 "init failed"; return; }
  # An existing VPC: a vpcID instead of a vpcName.
  sed -i 's/^\(\s*\)vpcName: .*/\1vpcID: r022-11111111-2222-3333-4444-555555555555/' "$WORK/v.yaml"
  grep -q "vpcID: r022" "$WORK/v.yaml" || { fail 4 "could not give the design a vpcID"; return; }
  start "$BIN" edit v.yaml
  wait_for "step 1/" || { fail 4 "edit did not start"; return; }
  keys PageDown
  local i
  for ((i = 0; i < 8; i++)); do screen | grep -qF "Existing VPC" && break; keys Enter; done
  wait_for "Existing VPC" || { fail 4 "never reached the existing-VPC page"; return; }
  keys Tab # the first subnet
  sleep 0.5
  kill -9 "$(wizard_pid)"
  start "$BIN"
  wait_for "Resume draft" || { fail 4 "no resume offered"; return; }
  keys Enter
  if ! wait_for "Existing VPC"; then fail 4 "resume did not land on the existing-VPC page"; return; fi
  if ! screen | grep -E "┃.*subnet ID" >/dev/null; then fail 4 "resume did not land on the subnet field"; return; fi
  for ((i = 0; i < 6; i++)); do keys Enter; done
  sleep 0.5
  if grep -q "vpcID: r022-11111111" "$DRAFTS"/*.yaml; then
    pass 4 "resume on zones/vpc-existing, subnet field; enter through keeps vpcID"
  else
    fail 4 "vpcID lost after resume"
  fi
}

# ---- item 2: edit + write is one transaction ----------------------------------------
item2() {
  reset_state
  if ! "$BIN" init --preset dev-single-zone -o "$WORK/src.yaml" >/dev/null ||
    ! "$BIN" render "$WORK/src.yaml" --out "$WORK/out1" >/dev/null; then
    fail 2 "init/render failed"
    return
  fi
  local before after
  before=$(cd "$WORK/out1" && find . -type f -exec sha256sum {} + | sort)
  start "$BIN" edit out1/design.yaml
  if ! wait_for "is a rendered copy"; then fail 2 "a rendered design.yaml was not recognised"; return; fi
  keys Down Enter # adopt
  wait_for "step 1/" || { fail 2 "adopt did not start the wizard"; return; }
  local i
  for ((i = 0; i < 12; i++)); do screen | grep -qF "Review and write" && screen | grep -q "step [0-9]*/[0-9]* Review" && break; keys PageDown; done
  wait_for "Findings and actions" || { fail 2 "no review"; return; }
  keys Enter
  wait_for "Output folder" || { fail 2 "no output page"; return; }
  keys Enter Enter # folder out1, save the design: yes
  wait_for "Overwrite them?" || { fail 2 "no overwrite question"; return; }
  keys n
  wait_for "Output folder" || { fail 2 "no would not go back"; return; }
  after=$(cd "$WORK/out1" && find . -type f -exec sha256sum {} + | sort)
  if [[ $before != "$after" ]]; then fail 2 "overwrite=no changed out1"; return; fi
  keys Enter Enter
  wait_for "Overwrite them?" || { fail 2 "no overwrite question the second time"; return; }
  keys y
  wait_for "Design written" || { fail 2 "not written"; return; }
  if head -1 "$WORK/out1/design.yaml" | grep -q "generated by iksplan" || grep -q "workersPerZone" "$WORK/out1/design.yaml"; then
    fail 2 "out1/design.yaml is a rendered copy again (or keeps computed sizes)"
    return
  fi
  if ! grep -q "from design.yaml" "$WORK/out1/DESIGN.md"; then fail 2 "DESIGN.md does not name design.yaml as its source"; return; fi
  pass 2 "rendered copy recognised; 'overwrite? no' wrote nothing; yes wrote the design as out1/design.yaml with its artifacts"
}

item6
item5
item1
item4
item2
if ((FAILS)); then
  echo "tui-tmux: $FAILS check(s) failed"
  exit 1
fi
echo "tui-tmux: all checks passed"
