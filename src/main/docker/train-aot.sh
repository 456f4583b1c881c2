#!/usr/bin/env bash
# The training run that writes the JVM's ahead-of-time cache (JEP 483/514/515, JDK 24 and later):
# it starts the packaged service, waits until it serves, sends it the requests clients send first,
# stops it, and the JVM writes the classes it loaded and linked, and the profiles of the methods
# it ran, to the cache. A later start with -XX:AOTCache=<cache> skips that work.
#
#   train-aot.sh <quarkus-run.jar> <cache file> [port]
#
# A cache serves only the JVM build that wrote it and the class path it was written with, so
# src/main/docker/Dockerfile.jvm runs this inside the image, with the image's own JVM and the
# image's own jar path, and bench/run.sh runs it the same way before it measures the start-up.
#
# The image is built where no database exists, so the run starts without one: no migration, no
# schema check, no health refresh at start, a datasource that refuses connections (requests that
# reach the database answer 503, which trains the problem path too). Tokens are checked with the
# dev profile's public key (application.properties, by reference; src/test/resources/jwt); the
# process exits before it could accept any.
set -euo pipefail
JAR=$1
CACHE=$2
PORT=${3:-18099}
JAVA=${JAVA:-java}

rm -f "$CACHE"
"$JAVA" -XX:AOTCacheOutput="$CACHE" "${@:4}" \
  -Dquarkus.http.port="$PORT" \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:1/training \
  -Dquarkus.datasource.replica.jdbc.url= -Dquarkus.datasource.jdbc.acquisition-timeout=1S \
  -Dquarkus.flyway.migrate-at-start=false \
  -Dquarkus.hibernate-orm.schema-management.strategy=none \
  -Dcitylinks.partnership-health.refresh-at-start=false \
  '-Dquarkus.oidc.public-key=${%dev.quarkus.oidc.public-key}' -Dquarkus.oidc.token.issuer=training \
  -jar "$JAR" > "$CACHE.log" 2>&1 &
APP=$!
# Plain HTTP/1.1 over bash's /dev/tcp: the runtime image has no curl to rely on.
request() { # METHOD PATH [JSON body]
  exec 3<>"/dev/tcp/127.0.0.1/$PORT" || return 0
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: br, gzip\r\nConnection: close\r\n' "$1" "$2" >&3
  if [ -n "${3:-}" ]; then
    printf 'Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' "${#3}" "$3" >&3
  else
    printf '\r\n' >&3
  fi
  cat <&3 >/dev/null || true
  exec 3<&-
}
until (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do
  kill -0 $APP 2>/dev/null || { tail -20 "$CACHE.log"; echo "the training run did not start"; exit 1; }
  sleep 0.1
done
for path in /q/health/live /v1/cities '/v1/cities?q=metz' /v1/cities/00000000-0000-0000-0000-000000000000 \
    /v1/visits /v1/conferences /v1/proposals '/v1/search?q=metz' /v1/changes /q/openapi /q/health/ready /docs; do
  request GET "$path"
done
request POST /v1/cities '{"name":"Training"}'
kill -TERM $APP
wait $APP || true   # the JVM writes the cache as it exits
[ -s "$CACHE" ] || { tail -20 "$CACHE.log"; echo "no cache was written"; exit 1; }
rm -f "$CACHE.log"
