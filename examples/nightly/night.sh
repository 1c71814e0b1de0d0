#!/usr/bin/env bash
# One night of fairplan, in order (docs/nightly.md, "Running fairplan every night"). Copy it into the
# job's folder (e.g. /srv/collections/night.sh, chmod 755) and run it from cron as the book's owner.
#
# The crontab line sets:
#   FAIRPLAN_BOOK    the book (a SQLite file or postgres://…): required
#   FAIRPLAN         the installed binary, by its absolute path (default /usr/local/bin/fairplan)
#   FAIRPLAN_SENDER  the hand-off to the sender: given MESSAGES.csv and REPORT.csv, it sends the rows
#                    whose held_back is empty (review=yes to a person first) and writes what the
#                    sender reported, if anything yet (default: hand-to-sender.sh beside this script)
#   NIGHT            the night's date, YYYY-MM-DD (default: today)
# The folder of this script holds in/ (payments-NIGHT.csv and customers-NIGHT.csv, written by the
# firm's exports; header only on a night with none) and out/ (what fairplan writes).
#
# Exit: 0 done; 1 rows were rejected (named in the log) and the rest of the night ran; 69 the
# hand-off failed (the night's messages are in the book as issued); anything else is the code of the
# fairplan step the night stopped at (docs/exit-codes.md), before follow-up if it was an import.
set -u
: "${FAIRPLAN_BOOK:?set FAIRPLAN_BOOK to the book}"
export FAIRPLAN_BOOK
FAIRPLAN=${FAIRPLAN:-/usr/local/bin/fairplan}
here=$(cd "$(dirname "$0")" && pwd) || exit 2
FAIRPLAN_SENDER=${FAIRPLAN_SENDER:-$here/hand-to-sender.sh}
night=${NIGHT:-$(date +%F)}
cd "$here" && mkdir -p out || exit 2
worst=0
step() {
  echo "fairplan $night: $*"
  "$@"
  local code=$?
  if [ "$code" -eq 1 ]; then worst=1; echo "fairplan $night: rows rejected, the night goes on: $*" >&2
  elif [ "$code" -ne 0 ]; then echo "fairplan $night: exit $code, the night stopped at: $*" >&2; exit "$code"; fi
}
step "$FAIRPLAN" book payments "in/payments-$night.csv"
# A row with no effective_on takes effect from the night it came in, however late the night is run.
step "$FAIRPLAN" book customers "in/customers-$night.csv" --effective-on "$night"
step "$FAIRPLAN" follow-up --book "$FAIRPLAN_BOOK" --as-of "$night" -o "out/status-$night.csv" --messages "out/messages-$night.csv" --errors "out/rejected-$night.csv" --summary "out/summary-$night.json" -q
echo "fairplan $night: hand-off $FAIRPLAN_SENDER out/messages-$night.csv in/sent-$night.csv"
if ! "$FAIRPLAN_SENDER" "out/messages-$night.csv" "in/sent-$night.csv"; then
  echo "fairplan $night: the hand-off to the sender failed; its messages are in the book as issued (book export)" >&2
  exit 69
fi
if [ -e "in/sent-$night.csv" ]; then step "$FAIRPLAN" book sent "in/sent-$night.csv"; fi
exit "$worst"
