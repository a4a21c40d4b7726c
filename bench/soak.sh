#!/usr/bin/env bash
# Soak: mixed traffic for 10 minutes against the packaged service in production (apply, upload,
# status, two reviewers approving, exchange checks; bench/soak/Soak.java), after a warm-up.
# Prints errors (target 0), throughput, and the heap used after a full GC at the start and at the
# end (target: no growth beyond noise). Not a test: it prints figures.
#
# Usage: bench/soak.sh     (as root on Debian; installs postgresql and jq if missing)
# Settings: DURATION seconds (600), WARMUP seconds (60), WORKERS (8)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-600}
WARMUP=${WARMUP:-60}
WORKERS=${WORKERS:-8}
PORT=18090
# shellcheck source=bench/lib.sh
. bench/lib.sh

# Wallet proofs optional (the soak does not sign): applications reach review flagged, two approvals each.
start_service "$PORT" soak KYC_POLICY_PATH="$PWD/src/test/resources/policy/optional-wallet-proof.yaml"
SERVICE=${PIDS[0]}
TOKENS=("$(token reviewer soak-reviewer-a)" "$(token reviewer soak-reviewer-b)" "$(token exchange)")

heap_after_gc() { # MiB of heap in use after a full collection
  jcmd "$SERVICE" GC.run >/dev/null
  sleep 2
  jcmd "$SERVICE" GC.heap_info | grep -o 'used [0-9]*K' | head -n 1 | awk '{ printf "%.1f", $2 / 1024 }'
}

log "warming up for $WARMUP s"
java bench/soak/Soak.java "http://localhost:$PORT" "$WARMUP" "$WORKERS" "${TOKENS[@]}" | tail -n 1
HEAP_START=$(heap_after_gc)
log "heap after a full GC: $HEAP_START MiB; soaking for $DURATION s with $WORKERS workers"
java bench/soak/Soak.java "http://localhost:$PORT" "$DURATION" "$WORKERS" "${TOKENS[@]}" | tee "$WORK/soak.txt"
HEAP_END=$(heap_after_gc)
echo
echo "kyc-whitelist soak: $(nproc) cores, $WORKERS workers, ${DURATION} s after a ${WARMUP} s warm-up, $(date -u +%F)"
grep '^total' "$WORK/soak.txt"
echo "heap used after a full GC: $HEAP_START MiB at the start, $HEAP_END MiB at the end"
echo "applications in the database: $("${PSQL[@]}" -d kyc -c "SELECT count(*) FROM application")," \
  "whitelisted: $("${PSQL[@]}" -d kyc -c "SELECT count(*) FROM whitelist_entry WHERE status = 'ACTIVE'")," \
  "unpublished: $("${PSQL[@]}" -d kyc -c "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")"
echo "service RSS at the end: $(( $(ps -o rss= -p "$SERVICE") / 1024 )) MB; errors in its log: $(grep -c '"level":"ERROR"' "$WORK/soak.log" || true)"
