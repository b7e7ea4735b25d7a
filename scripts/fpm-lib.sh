# shellcheck shell=bash
# Runs a private php-fpm on loopback for the phpt suite, sourced by test-env.sh after
# memcached-lib.sh (it uses mc_free_port and mc_die). The php-fpm is FPM_BIN of
# scripts/php-lib.sh (php-fpm<PHP_VERSION> unless set). One master, a static pool of exactly 2
# workers (FPM_WORKERS=N in the environment: N; connect.inc's fpm_private_start() and
# failover-cost.sh use that for pools of their own), in the foreground (daemonize = no) with
# no php.ini (-n) and only the extension under test loaded (-d extension=...). Everything it
# writes lives in one directory: php-fpm.conf, php-fpm.pid, php-fpm.log and probe.php.
# `fpm_stop` only ever signals the process whose pid file points at it *and* whose title names
# that directory's php-fpm.conf (php-fpm sets it to "php-fpm: master process (<conf>)"), and
# the workers of the pool named after that directory ("php-fpm: pool phpt-<cksum of DIR>"),
# even if their master is gone.

FPM_WORKERS=${FPM_WORKERS:-2}
# shellcheck source=scripts/php-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/php-lib.sh"

# The php-fpm binary and cgi-fcgi, or nothing if either is missing (then the FPM tests skip).
fpm_bin() {
    command -v "$FPM_BIN" || return 1
    command -v cgi-fcgi >/dev/null || return 1
}

# True when the php-fpm master whose directory is $1 runs as pid $2.
fpm_is_ours() {
    local cmd
    cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$2/cmdline" || true)
    [[ "$cmd" == "php-fpm: master process ($1/php-fpm.conf)"* ]]
}

# The pool name of DIR $1: unique per directory, so that its workers can be told apart.
fpm_pool() {
    echo "phpt-$(printf '%s' "$1" | cksum | cut -d' ' -f1)"
}

# Pids of the workers of DIR $1's pool (from /proc, so procps is not needed).
fpm_workers() {
    local pool proc cmd
    pool=$(fpm_pool "$1")
    for proc in /proc/[0-9]*; do
        cmd=$(tr '\0' ' ' 2>/dev/null <"$proc/cmdline") || continue
        if [[ "$cmd" =~ ^php-fpm:\ pool\ $pool\ *$ ]]; then
            echo "${proc#/proc/}"
        fi
    done
}

# Prints the body of a FastCGI GET of script $2 on 127.0.0.1:$1 (empty if it failed).
fpm_get() {
    local out
    out=$(timeout 5 env -i SCRIPT_FILENAME="$2" REQUEST_METHOD=GET \
        "$(command -v cgi-fcgi)" -bind -connect "127.0.0.1:$1" </dev/null 2>/dev/null) || return 0
    printf '%s' "${out#*$'\r\n\r\n'}"
}

# Writes DIR/php-fpm.conf for port $2.
fpm_write_conf() {
    local dir=$1 port=$2
    cat >"$dir/php-fpm.conf" <<EOF
; written by scripts/fpm-lib.sh for the phpt suite
[global]
pid = $dir/php-fpm.pid
error_log = $dir/php-fpm.log
daemonize = no

[$(fpm_pool "$dir")]
listen = 127.0.0.1:$port
listen.allowed_clients = 127.0.0.1
pm = static
pm.max_children = $FPM_WORKERS
; workers are never recycled: the persistence tests count on per-process state
pm.max_requests = 0
request_terminate_timeout = 30
catch_workers_output = yes
; warnings and notices go into the response body, as plain text
php_value[display_errors] = 1
php_value[display_startup_errors] = 1
php_value[error_reporting] = -1
php_value[html_errors] = 0
php_value[log_errors] = 0
EOF
}

# Starts php-fpm in DIR loading extension EXT; prints its port once a request answers with
# the memcache extension loaded. Extra php-fpm arguments (e.g. -d memcache.protocol=...)
# follow EXT. An empty EXT: the PHP's own configuration (the FPM SAPI's php.ini and conf.d)
# instead of -n, whatever memcache extension it loads.
fpm_start() {
    local dir=$1 ext=$2 bin attempt port pid _ body
    shift 2
    # A health table of its own (a fresh file per start): tests that want to share one with
    # other processes pass memcache.shared_health_file in "$@", which comes later and wins.
    local -a args=(-F -d "memcache.shared_health_file=$dir/health" "$@")
    [ -z "$ext" ] || args=(-n -d "extension=$ext" "${args[@]}")
    bin=$(fpm_bin) || mc_die "$FPM_BIN or cgi-fcgi missing (make deps-test)"
    if [ "$(id -u)" -eq 0 ]; then
        args+=(-R) # php-fpm refuses to run as root without it
    fi
    fpm_stop "$dir"
    rm -f "$dir/health"
    printf '<?php echo extension_loaded("memcache") ? "memcache " . phpversion("memcache") : "NOT LOADED";\n' \
        >"$dir/probe.php"
    for attempt in 1 2 3; do
        port=$(mc_free_port)
        fpm_write_conf "$dir" "$port"
        "$bin" "${args[@]}" -y "$dir/php-fpm.conf" </dev/null >>"$dir/php-fpm.log" 2>&1 &
        pid=$!
        echo "$pid" >"$dir/php-fpm.pid" # php-fpm rewrites it with the same pid
        for _ in $(seq 1 50); do        # up to ~5 s
            body=$(fpm_get "$port" "$dir/probe.php")
            if [[ "$body" == "memcache "* ]]; then
                echo "$port"
                return 0
            fi
            if [ -n "$body" ]; then
                fpm_stop "$dir"
                mc_die "php-fpm does not load ${ext:-a memcache extension}: $body (see $dir/php-fpm.log)"
            fi
            kill -0 "$pid" 2>/dev/null || break # died, most likely the port was taken
            sleep 0.1
        done
        fpm_stop "$dir"
        echo "php-fpm did not start on 127.0.0.1:$port (attempt $attempt), retrying" >&2
    done
    mc_die "could not start php-fpm; see $dir/php-fpm.log"
}

# Stops the php-fpm of DIR (if its pid file points at it) and its pool's workers.
fpm_stop() {
    local dir=$1 pid worker _
    local pidfile="$dir/php-fpm.pid"
    if [ -f "$pidfile" ]; then
        pid=$(cat "$pidfile")
        if [[ "$pid" =~ ^[0-9]+$ ]] && fpm_is_ours "$dir" "$pid"; then
            kill -TERM "$pid" 2>/dev/null || true # the master stops its workers, then exits
            for _ in $(seq 1 50); do
                fpm_is_ours "$dir" "$pid" || break
                sleep 0.1
            done
            if fpm_is_ours "$dir" "$pid"; then
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
        rm -f "$pidfile"
    fi
    # Workers left behind by a master that was killed (they would go on serving requests).
    for worker in $(fpm_workers "$dir"); do
        kill -KILL "$worker" 2>/dev/null || true
    done
}
