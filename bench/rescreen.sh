#!/usr/bin/env bash
# Re-screening benchmark (not a test; prints figures).
#
# Starts the packaged service in the production profile against a PostgreSQL server (Debian's
# postgresql package, a throw-away cluster) with the policy read from a file, loads WALLETS
# (default 1,000,000) approved applicants with one whitelisted wallet each (copies of one real
# submission, so every date of birth is really sealed and opened), every 100th of them resident in
# Iceland. Then runs the dry run of a policy that restricts Iceland, puts that policy in force by
# the reload endpoint, and waits for the re-screening: prints its time, rate and what it changed,
# and the progress lines it logged. Target: 1,000,000 wallets in at most 30 s on 2 cores.
#
# Usage: bench/rescreen.sh            (as root on Debian; installs postgresql and jq if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

WALLETS=${WALLETS:-1000000}
PORT=18090
# shellcheck source=bench/lib.sh
. bench/lib.sh
ADMIN_TOKEN=$(token admin)

cp src/main/resources/policy/jurisdictions.yaml "$WORK/policy.yaml"
log "starting the service (policy from $WORK/policy.yaml)"
start_service "$PORT" service KYC_POLICY_PATH="$WORK/policy.yaml" QUARKUS_LOG_CATEGORY__IO_KYCWHITELIST__LEVEL=INFO

log "submitting one application as the template"
TEMPLATE=$(curl -fs -H 'Content-Type: application/json' "localhost:$PORT/api/v1/applications" -d '{
  "applicantType": "INDIVIDUAL", "fullLegalName": "Bench Holder", "dateOfBirth": "1985-06-15", "citizenships": ["DE"],
  "countryOfResidence": "DE", "usPermanentResident": false,
  "idDocument": {"type": "PASSPORT", "number": "C01X00T47", "issuingCountry": "DE", "expiryDate": "2031-08-31"},
  "email": "bench@example.org", "wallets": [{"chain": "ETHEREUM", "address": "0x00000000000000000000000000000000000000b1"}],
  "declarations": {"notUsPerson": true, "termsVersion": "2026-11"}}' | jq -r .id)

log "loading $WALLETS approved applicants, each with a whitelisted wallet (1 in 100 resident in Iceland)"
COLUMNS=$("${PSQL[@]}" -d kyc -c "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns
  WHERE table_name = 'application' AND table_schema = 'public'")
SELECT_LIST=$(printf '%s' "$COLUMNS" | tr ',' '\n' | sed \
  -e "s/^id$/md5('app' || g)::uuid/" \
  -e "s/^status$/'APPROVED'/" \
  -e "s/^country_of_residence$/CASE WHEN g % 100 = 0 THEN 'IS' ELSE t.country_of_residence END/" \
  -e "s/^tax_residences$/CASE WHEN g % 100 = 0 THEN '[\"IS\"]'::jsonb ELSE t.tax_residences END/" \
  -e "/^md5\|^'APPROVED'\|^CASE/! s/^/t./" | paste -sd,)
START=$(date +%s)
"${PSQL[@]}" -d kyc <<SQL
SET synchronous_commit = off;
INSERT INTO application ($COLUMNS)
  SELECT $SELECT_LIST FROM application t CROSS JOIN generate_series(1, $WALLETS) g WHERE t.id = '$TEMPLATE';
INSERT INTO application_wallet (application_id, position, chain, address, address_key, claimed)
  SELECT md5('app' || g)::uuid, 0, 'ETHEREUM', a, a, true
  FROM (SELECT g, '0x' || md5('wallet' || g) || substr(md5('more' || g), 1, 8) AS a FROM generate_series(1, $WALLETS) g) s;
INSERT INTO whitelist_entry (address_key, address, chain, status, application_id, since, expires_at, last_event_id, change_seq)
  SELECT w.address_key, w.address, 'ETHEREUM', 'ACTIVE', w.application_id, now(), '2031-09-01', 0, nextval('whitelist_change_seq')
  FROM application_wallet w JOIN application a ON a.id = w.application_id WHERE a.status = 'APPROVED';
ANALYZE;
SQL
log "loaded in $(( $(date +%s) - START )) s"

sed -e 's/^version: .*/version: "bench-iceland"/' \
    -e 's/^subdivisions:/  - code: IS\n    basis: restricted for the benchmark\n\nsubdivisions:/' "$WORK/policy.yaml" >"$WORK/candidate.yaml"

log "dry run of the candidate policy"
DRY=$(curl -fs -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/yaml' --data-binary @"$WORK/candidate.yaml" \
  "localhost:$PORT/api/v1/admin/policy/dry-run")
printf '%s' "$DRY" | jq -c '{entriesChecked, entriesToSuspend, applicationsToReject, byReason, tookMillis}'

log "putting the candidate in force"
cp "$WORK/candidate.yaml" "$WORK/policy.yaml"
curl -fs -X POST -H "Authorization: Bearer $ADMIN_TOKEN" "localhost:$PORT/api/v1/admin/policy/reload" | jq -c '{version, sha256}'
for _ in $(seq 1 600); do
  RUN=$(curl -fs -H "Authorization: Bearer $ADMIN_TOKEN" "localhost:$PORT/api/v1/admin/rescreenings" | jq -c '.[0]')
  printf '%s' "$RUN" | jq -e '.policyVersion == "bench-iceland" and .finishedAt != null' >/dev/null && break
  sleep 1
done
printf '%s\n' "$RUN" | jq -c .
MILLIS=$("${PSQL[@]}" -d kyc -c "SELECT round(extract(epoch FROM finished_at - started_at) * 1000) FROM rescreening WHERE policy_version = 'bench-iceland'")
# the suspensions are published through the outbox: wait until every one is, and time that too
for _ in $(seq 1 120); do
  [ "$("${PSQL[@]}" -d kyc -c "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")" = 0 ] && break
  sleep 1
done
PUBLISHED=$("${PSQL[@]}" -d kyc -c "SELECT round(extract(epoch FROM (SELECT max(published_at) FROM outbox_event WHERE type = 'WHITELIST_SUSPENDED')
  - started_at) * 1000) FROM rescreening WHERE policy_version = 'bench-iceland'")
log "progress as logged:"
grep -o 'Re-screening[^"]*' "$WORK/service.log" | grep 'bench-iceland' >&2
printf '\nre-screening of %d whitelisted wallets: %s ms (%.0f wallets/s), %s entries suspended\n' "$WALLETS" "$MILLIS" \
  "$(echo "$WALLETS * 1000 / $MILLIS" | bc -l)" "$(printf '%s' "$RUN" | jq .entriesSuspended)"
printf 'every suspension published through the outbox (the store, webhooks, the token contract sink): %s ms after the start\n' "$PUBLISHED"
printf 'dry run of the same policy: %s ms\n' "$(printf '%s' "$DRY" | jq .tookMillis)"
printf 'service RSS: %s MB\n' "$(ps -o rss= -p "${PIDS[0]}" | awk '{print int($1 / 1024)}')"
