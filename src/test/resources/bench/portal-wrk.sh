#!/usr/bin/env bash
# Portal speed: wrk against the packaged product on 127.0.0.1 and, in the same run, nginx (Debian) serving the same
# service page saved as a static file. First with the portal's in-memory cache (as shipped), then without it
# (--buergerservice.portal.cache=false) to show what the cache buys. See docs/benchmarks.md.
# The public rate limits (PublicRateLimit) are switched off: wrk is one client asking thousands of times a second.
# Usage: bash src/test/resources/bench/portal-wrk.sh [duration] [connections]   (needs: wrk, nginx, curl, python3)
set -euo pipefail
DURATION=${1:-20s}
CONNECTIONS=${2:-32}
JAR=$(ls target/buergerservice-*.jar | grep -v original | head -1)
WORK=$(mktemp -d /tmp/portal-bench.XXXX)
chmod 755 "$WORK"   # nginx's workers (www-data) read the page from here
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port); NGINX_PORT=$(free_port); SIP_PORT=$(free_port)
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; }
trap cleanup EXIT

start_app() {
  java -jar "$JAR" --server.port="$APP_PORT" --buergerservice.data-dir="$WORK/data" \
      --buergerservice.sip.port="$SIP_PORT" --logging.level.root=WARN \
      --buergerservice.rate-limit.enabled=false "$@" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 300); do
    # up, and the demo data loaded (it arrives just after the web server answers)
    curl -sf "http://127.0.0.1:$APP_PORT/api/public/v1/artland/services" | grep -q '"id"' && return 0
    sleep 1
  done
  echo "product did not start"; tail -20 "$WORK/app.log"; exit 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
measure() { # label url
  wrk -t2 -c"$CONNECTIONS" -d5s "$2" > /dev/null   # warm-up (JIT, caches)
  echo "### $1 ($(cut -d' ' -f1-3 /proc/loadavg) load before)"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$2" | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors"
}

start_app
SERVICE=$(curl -s "http://127.0.0.1:$APP_PORT/api/public/v1/artland/services" \
  | python3 -c 'import json,sys; print(next(s["id"] for s in json.load(sys.stdin)["services"] if s["title"]=="Personalausweis beantragen"))')
PAGE="http://127.0.0.1:$APP_PORT/artland/leistungen/$SERVICE"
SEARCH="http://127.0.0.1:$APP_PORT/artland/suche?q=Personalausweis%20verloren"
mkdir -p "$WORK/www"
curl -s "$PAGE" > "$WORK/www/service.html"
chmod 644 "$WORK/www/service.html"
cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; etag on; }
}
CONF
mkdir -p "$WORK/tmp"
nginx -c "$WORK/nginx.conf" -p "$WORK"
sleep 1
STATIC=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/service.html")
[ "$STATIC" = 200 ] || { echo "nginx answers $STATIC"; cat "$WORK/nginx-error.log"; exit 1; }
echo "service page: $(wc -c < "$WORK/www/service.html") bytes; $(nproc) cores"
measure "nginx: the same service page as a static file" "http://127.0.0.1:$NGINX_PORT/service.html"
measure "product, cache on: service page" "$PAGE"
measure "product, cache on: search" "$SEARCH"
measure "product, cache on: JSON feed of one service" "http://127.0.0.1:$APP_PORT/api/public/v1/artland/services/$SERVICE"
ETAG=$(curl -s -D - -o /dev/null "$PAGE" | grep -i '^etag' | cut -d' ' -f2 | tr -d '\r')
wrk -t2 -c"$CONNECTIONS" -d5s -H "If-None-Match: $ETAG" "$PAGE" > /dev/null
echo "### product, cache on: service page revalidated (If-None-Match → 304) ($(cut -d' ' -f1-3 /proc/loadavg))"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "If-None-Match: $ETAG" "$PAGE" | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx"
stop_app
start_app --buergerservice.portal.cache=false
measure "product, cache off: service page" "$PAGE"
measure "product, cache off: search" "$SEARCH"
stop_app
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
