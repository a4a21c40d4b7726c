# Shared by the benchmarks (sourced): a throw-away PostgreSQL server (Debian's postgresql
# package), a throw-away token issuer (RS256 tokens minted with openssl) and the packaged service
# in its production profile. Run as root on Debian; installs what it needs.
WORK=$(mktemp -d /tmp/kyc-bench.XXXXXX)
PGPORT=${PGPORT:-55432}
PIDS=()

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  sleep 1
  [ -d "$WORK/pg" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

if ! command -v wrk >/dev/null || ! command -v jq >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  log "installing wrk, jq and postgresql"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk jq postgresql >/dev/null
fi
PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

log "starting PostgreSQL ($PGBIN) in $WORK/pg on port $PGPORT"
chown postgres "$WORK"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k $WORK -c max_connections=200" -l "$WORK/pg.log" -w start >/dev/null
PSQL=(psql -h "$WORK" -p "$PGPORT" -U postgres -q -t -A -v ON_ERROR_STOP=1)
"${PSQL[@]}" -c "CREATE DATABASE kyc"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/issuer.pem" 2>/dev/null
openssl pkey -in "$WORK/issuer.pem" -pubout -out "$WORK/issuer-public.pem"
ISSUER=https://bench.kyc-whitelist.local
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() { # role [subject]
  local now header payload
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d}' "$ISSUER" "${2:-bench-$1}" "$1" "$now" $((now + 7200)) | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/issuer.pem" | b64url)"
}
ENCRYPTION_KEY="bench:$(openssl rand -base64 32)"

start_service() { # port name [VAR=value ...]: every production setting, rate limits off (one client address)
  local port=$1 name=$2
  shift 2
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PGPORT/kyc" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=postgres KYC_STATUS_TOKEN_SECRET=bench-secret-0123456789abcdefghijkl \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/issuer-public.pem" MP_JWT_VERIFY_ISSUER="$ISSUER" QUARKUS_HTTP_PORT="$port" \
    KYC_ENCRYPTION_KEYS="$ENCRYPTION_KEY" KYC_ENCRYPTION_ACTIVE_KEY=bench KYC_RATE_LIMIT_ENABLED=false \
    QUARKUS_LOG_CATEGORY__IO_KYCWHITELIST__LEVEL=WARN "$@" \
    java -Xmx1g -jar target/quarkus-app/quarkus-run.jar >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -fs "localhost:$port/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  log "service $name did not start"; tail -20 "$WORK/$name.log"; exit 1
}
