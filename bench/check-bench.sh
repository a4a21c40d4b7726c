#!/usr/bin/env bash
# Exchange check benchmark (not a test; prints figures).
#
# Starts the packaged service in the production profile against a PostgreSQL server (Debian's
# postgresql package, a throw-away cluster), loads 1,000 and then 1,000,000 whitelisted wallets,
# and runs wrk against GET /api/v1/whitelist/{address} (exchange token; listed and unknown
# addresses mixed) and GET /api/v1/jurisdictions (the cheapest endpoint). Prints req/s and p99 of
# each and their ratio. Then starts a second instance on the same database and measures the time
# from a revoke answered by one instance until the other answers REVOKED.
#
# Usage: bench/check-bench.sh            (as root on Debian; installs wrk and postgresql if missing)
# Settings: DURATION (default 20s), WARMUP (10s), CONNECTIONS (64), LARGE (1000000)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-64}
LARGE=${LARGE:-1000000}
PORT_A=18080
PORT_B=18081
# shellcheck source=bench/lib.sh
. bench/lib.sh
EXCHANGE_TOKEN=$(token exchange)
ADMIN_TOKEN=$(token admin)

replica_size() { curl -s "localhost:$1/q/health/ready" | jq '[.checks[] | select(.name == "whitelist replica") | .data.addresses][0]'; }

load_wallets() { # total
  "${PSQL[@]}" -d kyc -c "
    INSERT INTO whitelist_entry (address_key, address, chain, status, application_id, since, expires_at, last_event_id, change_seq)
    SELECT a, a, 'ETHEREUM', 'ACTIVE', '00000000-0000-0000-0000-00000000beef', now(), now() + interval '2 years', 0, nextval('whitelist_change_seq')
    FROM (SELECT '0x' || md5('listed' || g) || substr(md5('more' || g), 1, 8) AS a
          FROM generate_series((SELECT count(*) FROM whitelist_entry) + 1, $1) g) s"
  for _ in $(seq 1 600); do
    [ "$(replica_size "$PORT_A")" = "$1" ] && return 0
    sleep 0.5
  done
  log "the replica did not catch up"; exit 1
}

run_wrk() { # duration what [--latency]
  if [ "$2" = whitelist ]; then
    ADDRESSES="$WORK/addresses.txt" TOKEN="$EXCHANGE_TOKEN" wrk -t2 -c"$CONNECTIONS" -d"$1" ${3:-} -s bench/whitelist.lua "http://localhost:$PORT_A"
  else
    wrk -t2 -c"$CONNECTIONS" -d"$1" ${3:-} "http://localhost:$PORT_A$2"
  fi
}

measure() { # name what -> prints "req/s p99"
  local out
  run_wrk 5s "$2" >/dev/null
  out=$(run_wrk "$DURATION" "$2" --latency)
  if printf '%s' "$out" | grep -q "Non-2xx"; then log "$1: non-2xx answers!"; printf '%s\n' "$out" >&2; fi
  printf '%s %s\n' "$(printf '%s' "$out" | awk '/Requests\/sec/ {print $2}')" "$(printf '%s' "$out" | awk '$1 == "99%" {print $2}')"
}

addresses_file() { # listed addresses sampled from the store, and as many unknown ones
  "${PSQL[@]}" -d kyc -c "SELECT address FROM whitelist_entry ORDER BY random() LIMIT 2000" >"$WORK/listed.txt"
  for i in $(seq 1 2000); do printf '0x%s%s\n' "$(printf 'unknown%s' "$i" | md5sum | cut -c1-32)" "$(printf 'x%s' "$i" | md5sum | cut -c1-8)"; done >"$WORK/unknown.txt"
  paste -d'\n' "$WORK/listed.txt" "$WORK/unknown.txt" | grep . >"$WORK/addresses.txt"
}

log "starting instance A"
start_service "$PORT_A" a
"${PSQL[@]}" -d kyc -c "
  INSERT INTO application (id, applicant_type, status, policy_version, reasons, flags, status_token_hash, full_legal_name,
    citizenships, country_of_residence, tax_residences, us_permanent_resident, id_document_type,
    id_document_issuing_country, id_document_expiry, email, professional_investor, not_us_person, terms_version, created_at, updated_at, version)
  VALUES ('00000000-0000-0000-0000-00000000beef', 'INDIVIDUAL', 'APPROVED', 'bench', '[]', '[]', repeat('0', 64), 'Bench Holder',
    '[\"DE\"]', 'DE', '[\"DE\"]', false, 'PASSPORT', 'DE', '2030-01-01', 'bench@example.org', false, true, '2026-11', now(), now(), 0)"

declare -A RPS P99
for size in 1000 "$LARGE"; do
  log "loading $size wallets"
  load_wallets "$size"
  addresses_file
  if [ "$size" = 1000 ]; then
    log "warming up the JIT: $WARMUP on each endpoint, twice"
    for _ in 1 2; do run_wrk "$WARMUP" whitelist >/dev/null; run_wrk "$WARMUP" /api/v1/jurisdictions >/dev/null; done
  fi
  log "wrk against the check at $size wallets"
  read -r RPS[check-$size] P99[check-$size] < <(measure "check $size" whitelist)
  log "wrk against /api/v1/jurisdictions at $size wallets"
  read -r RPS[jur-$size] P99[jur-$size] < <(measure "jurisdictions $size" /api/v1/jurisdictions)
done

log "starting instance B on the same database; revoking through A, polling B"
start_service "$PORT_B" b
DELAYS=()
for address in $(head -n 20 "$WORK/listed.txt" | tail -n 10); do
  curl -fs -X POST "localhost:$PORT_A/api/v1/admin/whitelist/$address/revoke" -H "Authorization: Bearer $ADMIN_TOKEN" \
    -H 'Content-Type: application/json' -d '{"reason":"bench"}' >/dev/null
  answered=$(date +%s%N)
  until curl -fs "localhost:$PORT_B/api/v1/whitelist/$address" -H "Authorization: Bearer $EXCHANGE_TOKEN" | grep -q '"REVOKED"'; do :; done
  DELAYS+=($(( ($(date +%s%N) - answered) / 1000000 )))
done
SORTED=$(printf '%s\n' "${DELAYS[@]}" | sort -n)

echo
echo "kyc-whitelist exchange check benchmark: $(nproc) cores, wrk -t2 -c$CONNECTIONS -d$DURATION (after a 4 x $WARMUP JIT warm-up, and 5s before each), $(date -u +%F)"
printf '%-34s %10s %10s %12s %10s\n' "endpoint" "wallets" "req/s" "p99" "ratio"
for size in 1000 "$LARGE"; do
  ratio=$(awk -v a="${RPS[check-$size]}" -v b="${RPS[jur-$size]}" 'BEGIN { printf "%.2f", a / b }')
  printf '%-34s %10s %10s %12s %10s\n' "GET /api/v1/whitelist/{address}" "$size" "${RPS[check-$size]}" "${P99[check-$size]}" "$ratio"
  printf '%-34s %10s %10s %12s %10s\n' "GET /api/v1/jurisdictions" "$size" "${RPS[jur-$size]}" "${P99[jur-$size]}" ""
done
awk -v a="${RPS[check-1000]}" -v b="${RPS[check-$LARGE]}" 'BEGIN { printf "check at %s vs 1k wallets: %+.1f%%\n", "'"$LARGE"'", (b - a) / a * 100 }'
echo "revoke on A until B answers REVOKED (10 addresses): median $(echo "$SORTED" | sed -n 5p) ms, max $(echo "$SORTED" | tail -n 1) ms"
echo "instance A after the run: RSS $(( $(ps -o rss= -p "${PIDS[0]}") / 1024 )) MB"
