#!/usr/bin/env bash
# A MongoDB-compatible server for tests only: FerretDB v1 with its SQLite backend, built from
# the Go module proxy (needs Go; first build about 2 minutes, then cached).
#
# What it is good for: the projection lease (libs/read-model/src/mongo/projection-lease.int-spec.ts
# reads FERRETDB_URL). What it is NOT good for: the MongoDB read store. FerretDB v1 has no
# multi-document transactions (it rejects the `autocommit` field of every command in a
# transaction) and does not apply a conditional update atomically, so MongoReadStore.connect
# refuses it on purpose. That is why this prints FERRETDB_URL and not MONGO_URL: the read-store
# contract needs a real MongoDB replica set (`docker compose up -d mongodb`).
#
#   eval "$(bash .ci/mongo-test-server.sh)"   # builds if needed, starts, prints `export FERRETDB_URL=…`
#   bash .ci/mongo-test-server.sh stop
#
# Everything but the export line goes to stderr. FERRETDB_HOME (default /tmp/ferretdb-test) holds
# the binary, the data (emptied at every start), the log and the pid; FERRETDB_PORT defaults to
# 27018 so that it never answers for a real mongod on 27017.
set -euo pipefail

VERSION=v1.24.2
HOME_DIR=${FERRETDB_HOME:-/tmp/ferretdb-test}
PORT=${FERRETDB_PORT:-27018}
BIN=$HOME_DIR/bin/ferretdb-$VERSION
PID_FILE=$HOME_DIR/ferretdb.pid
LOG=$HOME_DIR/ferretdb.log
URL="mongodb://127.0.0.1:$PORT/"

say() { printf '%s\n' "$*" >&2; }

running() { [[ -f $PID_FILE ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

if [[ ${1:-start} == stop ]]; then
  if running; then
    kill "$(cat "$PID_FILE")"
    say "FerretDB stopped"
  fi
  rm -f "$PID_FILE"
  exit 0
fi

mkdir -p "$HOME_DIR/bin"

if [[ ! -x $BIN ]]; then
  # where the official Go tarball installs, often left off a CI shell's PATH
  if ! command -v go >/dev/null && [[ -x /usr/local/go/bin/go ]]; then PATH="$PATH:/usr/local/go/bin"; fi
  command -v go >/dev/null || { say "Go is needed to build FerretDB (apt-get install golang-go, or a Go toolchain)"; exit 1; }
  say "building FerretDB $VERSION from the Go module proxy…"
  dir=$(cd "$HOME_DIR" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [[ -n $dir && -d $dir ]] || { say "could not download github.com/FerretDB/FerretDB@$VERSION"; exit 1; }
  src=$HOME_DIR/src
  rm -rf "$src"
  cp -r "$dir" "$src"
  chmod -R u+w "$src"
  # `go install …@version` leaves build/version/version.txt empty and the binary panics at
  # start; a build from a copy of the module with the file filled in works.
  echo "$VERSION" >"$src/build/version/version.txt"
  (cd "$src" && GOFLAGS=-mod=mod go build -o "$BIN" ./cmd/ferretdb) >&2
  rm -rf "$src"
fi

if running && answers; then
  say "FerretDB already running (pid $(cat "$PID_FILE")) at $URL"
else
  rm -rf "$HOME_DIR/data"
  mkdir -p "$HOME_DIR/data"
  nohup "$BIN" --handler=sqlite --sqlite-url="file:$HOME_DIR/data/" --listen-addr="127.0.0.1:$PORT" \
    --state-dir="$HOME_DIR" --debug-addr=- --telemetry=disable --log-level=WARN >"$LOG" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 100); do
    answers && break
    running || { say "FerretDB did not start:"; tail -n 20 "$LOG" >&2; exit 1; }
    sleep 0.1
  done
  answers || { say "FerretDB does not answer on 127.0.0.1:$PORT:"; tail -n 20 "$LOG" >&2; exit 1; }
  say "FerretDB $VERSION (SQLite) started (pid $(cat "$PID_FILE")) at $URL — for the projection lease only, not the read store"
fi

echo "export FERRETDB_URL=$URL"
