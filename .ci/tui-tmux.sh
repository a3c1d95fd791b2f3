#!/usr/bin/env bash
# tui-tmux.sh IKSPLAN: drive the real wizard in tmux as a person would and check
# the defects of issue 10 stay fixed:
#   item 1  drafts are not keyed by the cluster name; a file's draft is offered, not replaced
#   item 2  edit + write is one transaction: "overwrite? no" leaves the folder as it was
#   item 4  resume lands on the same page and field; enter through keeps the existing VPC
#   item 5  kill -9 loses no committed answer; accessible ctrl+c saves and exits 130;
#           kill -9 inside a list editor resumes on the row being edited
#   item 6  a burst of typed text is text ("set up manually tab enter")
# Each check prints PASS or FAIL with the screen on failure; exit 1 if any failed.
#
# No fixed sleeps: every key waits until the wizard has drawn its answer (the
# screen is unchanged and no thread of the wizard is running for half a second),
# and every check polls for the screen or the file it expects, up to
# TUI_TMUX_TIMEOUT seconds (default 60), so a loaded CI machine is slow, not red.
# TUI_TMUX_STUTTER=1 proves it: it stops the wizard (SIGSTOP) for 0.3 s of every
# second while the checks run. TUI_TMUX_KILL9=N runs, instead of the items, a
# full session killed (-9) at N random answers and reports the answers lost
# per kill (TUI_TMUX_SEED fixes the points).
set -uo pipefail
BIN=${1:?usage: tui-tmux.sh IKSPLAN}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
command -v tmux >/dev/null || { echo "tui-tmux: tmux is not installed" >&2; exit 1; }
TIMEOUT=${TUI_TMUX_TIMEOUT:-60}
WORK=$(mktemp -d)
: >"$WORK/session"
# NB: a private tmux server (-L), since the default one may be shared. Each
# start opens a new session before closing the last, so the server never exits
# with its last session and races the next new-session.
SERVER=iksplan-tui-$$
SESSION=''
NSESSIONS=0
FAILS=0
STUTTER_PID=''
cleanup() {
  if [[ -n $STUTTER_PID ]]; then
    kill "$STUTTER_PID" 2>/dev/null
    wait "$STUTTER_PID" 2>/dev/null
    local pid
    pid=$(wizard_pid)
    [[ -n $pid ]] && kill -CONT "$pid" 2>/dev/null
  fi
  tmux -L "$SERVER" kill-server 2>/dev/null
  rm -rf -- "$WORK" 2>/dev/null
}
trap cleanup EXIT

tm() { tmux -L "$SERVER" "$@"; }

# start [W H] CMD...: run CMD in a fresh tmux session (120x40 unless given).
start() {
  local w=120 h=40 old=$SESSION
  if [[ $1 =~ ^[0-9]+$ ]]; then w=$1 h=$2; shift 2; fi
  NSESSIONS=$((NSESSIONS + 1))
  SESSION=tui-$NSESSIONS
  printf '%q ' "$@" >"$WORK/cmd"
  tm new-session -d -s "$SESSION" -x "$w" -y "$h" \
    "cd $(printf %q "$WORK") && export XDG_STATE_HOME=$(printf %q "$WORK/state") LANG=${LANG:-C.UTF-8}; $(cat "$WORK/cmd"); echo EXIT=\$?; sleep 600"
  [[ -n $old ]] && tm kill-session -t "$old" 2>/dev/null
  echo "$SESSION" >"$WORK/session"
  return 0
}
screen() { tm capture-pane -p -t "$SESSION" 2>/dev/null; }

# wizard_pid: the wizard process of the current session (a child of its shell).
wizard_pid() {
  local shell p
  shell=$(tm display-message -p -t "$(<"$WORK/session")" '#{pane_pid}' 2>/dev/null) || return 0
  for p in $(pgrep -P "$shell" 2>/dev/null); do
    [[ $(readlink "/proc/$p/exe" 2>/dev/null) == "$BIN" ]] && echo "$p" && return 0
  done
  return 0
}

# busy PID: some thread of PID is running, runnable or stopped (not idle).
busy() {
  local f line
  [[ -n $1 ]] || return 1
  for f in /proc/"$1"/task/*/stat; do
    line=$(<"$f") 2>/dev/null || continue
    line=${line##*) }
    [[ ${line:0:1} == [RDT] ]] && return 0
  done
  return 1
}

# settle: wait until the wizard is idle and the screen has not changed for
# 0.4 s (the analysis runs 120 ms after the last key).
settle() {
  local prev='' cur n=0 i
  for ((i = 0; i < TIMEOUT * 10; i++)); do
    cur=$(screen)
    if [[ $cur == "$prev" ]] && ! busy "$(wizard_pid)"; then
      n=$((n + 1))
      ((n >= 4)) && return 0
    else
      n=0
    fi
    prev=$cur
    sleep 0.1
  done
  echo "tui-tmux: the screen did not settle in ${TIMEOUT}s" >&2
  return 1
}

# keys KEY...: press each key in turn, each after the wizard drew the last.
keys() {
  local k
  for k in "$@"; do
    tm send-keys -t "$SESSION" "$k"
    settle
  done
}
# text TEXT: type TEXT in one write (tmux send-keys -l).
text() { tm send-keys -t "$SESSION" -l "$1"; settle; }
# paste TEXT: one write of TEXT as an unbracketed paste delivers it.
paste() {
  tm set-buffer -- "$1"
  tm paste-buffer -t "$SESSION" # no -p: not bracketed
  settle
}

# wait_for TEXT [SECONDS]: until the screen shows TEXT.
wait_for() {
  local i
  for ((i = 0; i < ${2:-$TIMEOUT} * 10; i++)); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}
# wait_draft REGEX: until a draft file has a line matching REGEX (saves run
# off the update loop).
wait_draft() {
  local i
  for ((i = 0; i < TIMEOUT * 10; i++)); do
    grep -qE -- "$1" "$DRAFTS"/*.yaml 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
# kill9: kill -9 the wizard once it is idle, and wait for its shell to see it.
kill9() {
  local pid
  settle
  pid=$(wizard_pid)
  [[ -n $pid ]] || { echo "tui-tmux: no wizard process to kill" >&2; return 1; }
  kill -9 "$pid"
  wait_for "EXIT=137"
}
pass() { echo "PASS item $1: $2"; }
fail() {
  echo "FAIL item $1: $2"
  screen | sed 's/^/    | /'
  FAILS=$((FAILS + 1))
}
DRAFTS=$WORK/state/iksplan/drafts
drafts() { ls "$DRAFTS"/*.yaml 2>/dev/null; }
reset_state() { rm -rf -- "$WORK/state" "$WORK"/*.yaml "$WORK"/out1; }

# stutter: stop the wizard of the current session for 0.3 s of every second
# (TUI_TMUX_STUTTER=1): keys sent just before a stop wait in the terminal,
# answers are drawn late, saves land late.
stutter() {
  local pid
  while :; do
    pid=$(wizard_pid)
    if [[ -n $pid ]]; then
      kill -STOP "$pid" 2>/dev/null
      sleep 0.3
      kill -CONT "$pid" 2>/dev/null
    fi
    sleep 0.7
  done
}

# to_about: from the welcome screen, start from the tokyo-vpc-production preset
# and go to the basics step's "What is the cluster for?" field.
to_about() {
  wait_for "How do you want to start?" || { echo "no welcome screen"; return 1; }
  keys Down Down Enter # tokyo-vpc-production
  wait_for "step 1/" || { echo "the preset did not start"; return 1; }
  local i
  for ((i = 0; i < 6; i++)); do
    screen | grep -qE "┃ *What is the cluster for\?" && return 0
    keys Enter
  done
  echo "never reached 'What is the cluster for?'"
  return 1
}

# ---- item 6: a burst is text ---------------------------------------------------
item6() {
  local why
  reset_state
  start "$BIN"
  why=$(to_about) || { fail 6 "$why"; return; }
  keys End C-u
  # One write of the whole text, as a paste without bracketed paste (or a
  # slow link) delivers it: bubbletea reads each word as one key named by it.
  paste "set up manually tab enter"
  keys Enter # commits the answer (saved per answer)
  if wait_draft "description: set up manually tab enter$" && wait_for "Owner"; then
    pass 6 "typed burst kept whole: 'set up manually tab enter'"
  else
    fail 6 "burst lost words: $(grep -h 'description:' "$DRAFTS"/*.yaml 2>/dev/null)"
  fi
}

# ---- item 5: kill -9 keeps committed answers; accessible ctrl+c --------------------
item5() {
  local why
  reset_state
  start "$BIN"
  why=$(to_about) || { fail 5 "$why"; return; }
  keys End C-u
  text "committed-answer"
  keys Enter
  text "partial" # being typed: may be lost
  kill9 || { fail 5 "kill -9 did not end the wizard"; return; }
  if grep -q "description: committed-answer" "$DRAFTS"/*.yaml 2>/dev/null; then
    pass 5 "kill -9 kept the committed answer on the current page"
  else
    fail 5 "kill -9 lost the committed answer"
  fi
  reset_state
  start "$BIN" --accessible
  wait_for "How do you want to start?" || { fail 5 "accessible: no start question"; return; }
  text "1"
  keys Enter # dev-single-zone
  wait_for "Cluster name" || { fail 5 "accessible: no cluster name"; return; }
  text "acc-answer"
  keys Enter
  wait_for "Environment" || { fail 5 "accessible: no environment question"; return; }
  text "?"
  keys Enter
  wait_for "Why:" || { fail 5 "accessible: ? printed no help"; return; }
  keys C-c
  if wait_for "EXIT=130" && grep -q "name: acc-answer" "$DRAFTS"/*.yaml 2>/dev/null; then
    pass 5 "accessible: ? explains; ctrl+c saved every answer and exited 130"
  else
    fail 5 "accessible ctrl+c: exit or draft wrong"
  fi
}

# ---- item 5, list editor: kill -9 on an item page resumes on the same row -------------
item5_list() {
  reset_state
  start "$BIN"
  wait_for "How do you want to start?" || { fail 5 "list: no welcome"; return; }
  keys Down Down Enter # tokyo-vpc-production
  wait_for "step 1/" || { fail 5 "list: the preset did not start"; return; }
  keys PageDown PageDown PageDown # Hardware: the worker pools list
  wait_for "Add a worker pool" || { fail 5 "list: no worker pools list"; return; }
  keys Up Enter # Add (the cursor starts on Done)
  wait_for "Pool name" || { fail 5 "list: Add opened no pool page"; return; }
  keys End C-u
  text "gpu-kill"
  keys Enter # committed: saved
  wait_draft "name: gpu-kill$" || { fail 5 "list: the new pool's name was not saved"; return; }
  kill9 || { fail 5 "list: kill -9 did not end the wizard"; return; }
  start "$BIN"
  wait_for "Resume draft" || { fail 5 "list: no resume offered"; return; }
  keys Enter
  if wait_for "Pool name" && screen | grep -qE "> gpu-kill" && screen | grep -qE "┃ *Purpose"; then
    pass 5 "kill -9 on a list item page resumes on that item (gpu-kill), on the field after the answer"
  else
    fail 5 "kill -9 on a list item page resumed on another item or field"
  fi
  # The resumed wizard must not outlive this check: closing its session
  # would make it save its draft (SIGHUP) into the next check's state.
  kill9 >/dev/null
}

# quit: ctrl+c, y, and wait for the wizard to end.
quit() {
  keys C-c
  wait_for "Quit the wizard?" || return 1
  keys y
  wait_for "EXIT="
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
  quit || { fail 1 "quit did not exit"; return; }
  start "$BIN" edit a.yaml
  wait_for "step 1/" || { fail 1 "edit did not start"; return; }
  keys Tab Enter
  quit || { fail 1 "quit did not exit (edit)"; return; }
  local n
  n=$(drafts | wc -l)
  if ((n != 2)); then fail 1 "two designs of cluster shop-vpc-prod share a draft ($n drafts)"; return; fi
  start "$BIN" edit a.yaml
  if wait_for "a.yaml already has a draft" && wait_for "Start over from a.yaml"; then
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
  kill9 || { fail 4 "kill -9 did not end the wizard"; return; }
  start "$BIN"
  wait_for "Resume draft" || { fail 4 "no resume offered"; return; }
  keys Enter
  if ! wait_for "Existing VPC"; then fail 4 "resume did not land on the existing-VPC page"; return; fi
  if ! screen | grep -E "┃.*subnet ID" >/dev/null; then fail 4 "resume did not land on the subnet field"; return; fi
  keys Enter Enter Enter Enter Enter Enter
  if wait_draft "vpcID: r022-11111111"; then
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
  for ((i = 0; i < 14; i++)); do screen | grep -q "step [0-9]*/[0-9]* Review" && break; keys PageDown; done
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

# ---- kill -9 at random points of a full session (TUI_TMUX_KILL9=N) --------------
# A full session: the tokyo-vpc-production preset, a typed cluster name and
# purpose, then enter on every field up to the review. Answer i is one
# committed field; after each the draft is snapshotted (reference run). Then
# N runs each kill -9 the wizard at a random answer k, half of them with
# keys typed into the next field and not committed, and compare the draft
# with the reference after k answers: lost = k - j for the last reference
# snapshot j the draft equals (0: nothing committed was lost). The resumed
# wizard must show the same focused field as the reference after answer k.

# focused: the title line of the field with focus (its first "┃" line).
focused() { screen | grep -m1 -E '^ *(.*  )?┃ ' | sed -E 's/ *│.*//; s/.*┃ //; s/ +$//'; }
# answer: commit one answer; what is typed depends on the screen only, so
# every run of the session is the same.
answer() {
  local f
  f=$(focused)
  case $f in
  "Cluster name"*) keys End C-u && text "kill9-shop" ;;
  "What is the cluster for?"*) keys End C-u && text "kill -9 report session" ;;
  esac
  keys Enter
}
# draft_now: the draft's text (one draft in this session).
draft_now() { cat "$DRAFTS"/*.yaml 2>/dev/null; }
# wait_draft_change OLD: until the draft differs from OLD (a save lands off
# the update loop); 1 when it stays the same.
wait_draft_change() {
  local i
  for ((i = 0; i < 30; i++)); do
    [[ $(draft_now) != "$1" ]] && return 0
    sleep 0.1
  done
  return 1
}
session_start() {
  # The last session's wizard must not outlive its state: closing its tmux
  # session would make it save its draft (on SIGHUP) into the next run's.
  local pid i
  pid=$(wizard_pid)
  if [[ -n $pid ]]; then
    kill -9 "$pid"
    for ((i = 0; i < TIMEOUT * 10; i++)); do
      [[ $(wizard_pid) == "$pid" ]] || break
      sleep 0.1
    done
  fi
  reset_state
  start "$BIN"
  wait_for "How do you want to start?" || return 1
  keys Down Down Enter # tokyo-vpc-production
  wait_for "step 1/"
}
kill9_report() {
  local n=$1 max=${TUI_TMUX_KILL9_MAX:-90} seed=${TUI_TMUX_SEED:-$$} i k j lost total=0 prev cur
  RANDOM=$seed
  echo "kill9: reference session (seed $seed)"
  session_start || { fail 5 "kill9: the preset did not start"; return 1; }
  mkdir -p "$WORK/ref"
  draft_now >"$WORK/ref/0"
  focused >"$WORK/ref/0.field"
  for ((i = 1; i <= max; i++)); do
    screen | grep -q "Findings and actions" && break
    prev=$(draft_now)
    answer
    wait_draft_change "$prev" || { echo "kill9: answer $i saved nothing (on: $(focused))"; break; }
    draft_now >"$WORK/ref/$i"
    focused >"$WORK/ref/$i.field"
  done
  local answers=$((i - 1))
  echo "kill9: the session has $answers answers (up to the review)"
  ((answers >= 10)) || { fail 5 "kill9: session too short"; return 1; }
  local points=() p
  while ((${#points[@]} < n)); do
    p=$((RANDOM % answers + 1))
    [[ " ${points[*]} " == *" $p "* ]] || points+=("$p")
  done
  for k in "${points[@]}"; do
    session_start || { fail 5 "kill9: the preset did not start"; return 1; }
    for ((i = 1; i <= k; i++)); do
      prev=$(draft_now)
      answer
      wait_draft_change "$prev"
    done
    local typing=''
    if ((RANDOM % 2)); then
      typing=' (with keys typed in the next field)'
      case $(screen | grep -c -E '┃   [^ ]') in
      0) text "zz" ;;  # a text input: typed, not committed
      *) keys Down ;; # a list: moved, not committed
      esac
    fi
    kill9 || { fail 5 "kill9: kill -9 did not end the wizard"; return 1; }
    cur=$(draft_now)
    lost=-1
    for ((j = k; j >= 0; j--)); do
      [[ $cur == "$(<"$WORK/ref/$j")" ]] && { lost=$((k - j)); break; }
    done
    start "$BIN"
    wait_for "Resume draft" && keys Enter
    wait_for "step "
    settle
    local field
    field=$(focused)
    local diff=''
    if ((lost < 0)); then
      # Not a reference state: the keys typed into the next field changed
      # it (a select writes the option under the cursor). Allowed when only
      # that field's lines differ: the lines of the reference that the draft
      # lacks, shown.
      local dl
      dl=$(diff <(grep -v '^# iksplan-draft' "$WORK/ref/$k") <(grep -v '^# iksplan-draft' <<<"$cur") | grep '^[<>]')
      diff=$(tr '\n' ' ' <<<"$dl")
      if [[ -n $typing ]] && (($(grep -c '^<' <<<"$dl") <= 2)); then
        lost=0
        diff=" (the field being typed differs: $diff)"
      else
        fail 5 "kill9 at answer $k$typing: the draft matches no reference state: $diff"
        total=$((total + 1000))
        continue
      fi
    fi
    total=$((total + lost))
    if [[ $field != "$(<"$WORK/ref/$k.field")" ]]; then
      fail 5 "kill9 at answer $k$typing: resumed on '$field', the reference was on '$(<"$WORK/ref/$k.field")'"
      continue
    fi
    echo "kill9 at answer $k/$answers$typing: $lost answers lost; resumed on '$field'$diff"
  done
  if ((total == 0 && FAILS == 0)); then
    pass 5 "kill -9 at $n random points of a $answers-answer session: 0 committed answers lost"
  else
    fail 5 "kill -9 at random points lost $total answer(s)"
  fi
}

if [[ ${TUI_TMUX_STUTTER:-} == 1 ]]; then
  stutter &
  STUTTER_PID=$!
  echo "tui-tmux: stutter on: the wizard is stopped 0.3 s of every second"
fi
if [[ ${TUI_TMUX_KILL9:-0} -gt 0 ]]; then
  kill9_report "$TUI_TMUX_KILL9"
else
  item6
  item5
  item5_list
  item1
  item4
  item2
fi
if ((FAILS)); then
  echo "tui-tmux: $FAILS check(s) failed"
  exit 1
fi
echo "tui-tmux: all checks passed"
