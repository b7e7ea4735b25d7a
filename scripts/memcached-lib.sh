# shellcheck shell=bash
# Helpers to run private memcached instances on loopback, sourced by test-env.sh, demo.sh and
# bench.sh. Every instance lives in a directory of its own choosing (pid file, log, socket) and
# is started with argv[0] set to "memcached@<dir>/<name>", so `stop` only ever kills a process
# whose pid file *and* command line say we started it. Nothing here ever uses port 11211.

# Loopback ports we pick from: below Linux's ephemeral range (32768+) so outgoing connections
# do not grab them, and far from memcached's default 11211.
MC_PORT_MIN=20000
MC_PORT_SPAN=12000

mc_die() {
    echo "error: $*" >&2
    exit 1
}

# True when something accepts TCP connections on 127.0.0.1:$1.
mc_port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints a loopback port nothing listens on right now.
mc_free_port() {
    local port _
    for _ in $(seq 1 100); do
        port=$((MC_PORT_MIN + RANDOM % MC_PORT_SPAN))
        if ! mc_port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    mc_die "no free loopback port found in $MC_PORT_MIN..$((MC_PORT_MIN + MC_PORT_SPAN))"
}

# True when a memcached answers "version" at $1 (tcp://127.0.0.1:PORT or unix:///path).
mc_probe() {
    # shellcheck disable=SC2016 # PHP code, not shell
    "${PHP:-php}" -n -r '
        $s = @stream_socket_client($argv[1], $errno, $errstr, 0.5);
        if (!$s) exit(1);
        stream_set_timeout($s, 1);
        fwrite($s, "version\r\n");
        exit(strncmp((string) fgets($s), "VERSION ", 8) === 0 ? 0 : 1);
    ' "$1"
}

# True when a memcached answers a binary VERSION frame at tcp://127.0.0.1:$1 with a binary
# response (any status: a SASL-enabled server answers "auth required" before authentication).
mc_probe_binary() {
    # shellcheck disable=SC2016 # PHP code, not shell
    "${PHP:-php}" -n -r '
        $s = @stream_socket_client("tcp://127.0.0.1:" . $argv[1], $errno, $errstr, 0.5);
        if (!$s) exit(1);
        stream_set_timeout($s, 1);
        fwrite($s, "\x80\x0b" . str_repeat("\0", 22));
        exit(fread($s, 1) === "\x81" ? 0 : 1);
    ' "$1"
}

# The argv[0] tag of instance $2 in directory $1.
mc_tag() {
    echo "memcached@$1/$2"
}

# Starts memcached instance NAME in DIR. KIND is "tcp" (random free loopback port, or MC_PORT
# if set: e.g. to restart a server in place), "unix"
# (socket DIR/NAME.sock) or "sasl" (a free loopback port, binary protocol with SASL required;
# SASL_CONF_PATH must name a directory with a memcached.conf, see mc_sasl_config). Prints the
# port or the socket path once the server answers. With MC_TLS_OPTIONS set (memcached's -o
# options, e.g. ssl_chain_cert=…,ssl_key=…), a tcp or sasl server also listens with TLS on a
# second free port (the first stays plain: -l notls:…), and prints "PORT TLS_PORT".
mc_start() {
    local dir=$1 name=$2 kind=$3 attempt port tls_port="" addr pid _
    local -a base=(-U 0 -m 64 -c 1024 -t 2) args
    if [ "$(id -u)" -eq 0 ]; then
        base+=(-u root) # memcached refuses to run as root without -u
    fi
    for attempt in 1 2 3 4 5; do
        args=("${base[@]}")
        if [ "$kind" = unix ]; then
            port="$dir/$name.sock"
            rm -f "$port"
            addr="unix://$port"
            args+=(-s "$port" -a 0700)
        elif [ -n "${MC_TLS_OPTIONS:-}" ]; then
            port=$(mc_free_port)
            tls_port=$(mc_free_port)
            addr="tcp://127.0.0.1:$port"
            args+=(-Z -o "$MC_TLS_OPTIONS" -l notls:127.0.0.1 -p "$port" -l "127.0.0.1:$tls_port")
        else
            port=${MC_PORT:-$(mc_free_port)}
            addr="tcp://127.0.0.1:$port"
            args+=(-l 127.0.0.1 -p "$port")
        fi
        if [ "$kind" = sasl ]; then
            args+=(-S)
        fi
        # exec -a keeps the pid of the subshell and tags the process for mc_stop.
        (exec -a "$(mc_tag "$dir" "$name")" memcached "${args[@]}") \
            </dev/null >>"$dir/$name.log" 2>&1 &
        pid=$!
        echo "$pid" >"$dir/$name.pid"
        for _ in $(seq 1 50); do # up to ~5 s
            if { [ "$kind" = sasl ] && mc_probe_binary "$port"; } ||
                { [ "$kind" != sasl ] && mc_probe "$addr"; }; then
                echo "$port${tls_port:+ $tls_port}"
                return 0
            fi
            kill -0 "$pid" 2>/dev/null || break # died, most likely the port was taken
            sleep 0.1
        done
        mc_stop_one "$dir" "$name"
        if [ "$kind" = unix ]; then
            break
        fi
        echo "memcached $name did not start on $addr (attempt $attempt), retrying" >&2
    done
    mc_die "could not start memcached $name; see $dir/$name.log"
}

# Writes a SASL configuration for memcached into directory $1 (mechanism PLAIN, a sasldb with
# user $2 and password $3) and prints the directory, for SASL_CONF_PATH. Needs saslpasswd2
# (Debian's sasl2-bin) and the PLAIN plugin (libsasl2-modules).
mc_sasl_config() {
    local conf=$1 user=$2 password=$3
    mkdir -p "$conf"
    rm -f "$conf/sasldb2"
    printf '%s' "$password" | saslpasswd2 -p -a memcached -c -f "$conf/sasldb2" "$user"
    printf 'mech_list: plain\nsasldb_path: %s\n' "$conf/sasldb2" >"$conf/memcached.conf"
    echo "$conf"
}

# Stops instance NAME in DIR if its pid file points at a process we tagged; removes the pid file.
mc_stop_one() {
    local dir=$1 name=$2 pid cmd _
    local pidfile="$dir/$name.pid"
    [ -f "$pidfile" ] || return 0
    pid=$(cat "$pidfile")
    cmd=$(tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline" | head -n 1 || true)
    if [ "$cmd" = "$(mc_tag "$dir" "$name")" ]; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile" "$dir/$name.sock"
}

# Stops every instance that has a pid file in DIR.
mc_stop_all() {
    local dir=$1 pidfile
    [ -d "$dir" ] || return 0
    for pidfile in "$dir"/*.pid; do
        [ -e "$pidfile" ] || continue
        mc_stop_one "$dir" "$(basename "$pidfile" .pid)"
    done
}

# Prints a directory for server state: $1 itself, or a private /tmp directory if a unix socket
# path inside $1 would be too long (sun_path is 108 bytes). Creates it with mode 0700.
mc_state_dir() {
    local dir=$1
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ ${#dir} -gt 80 ]; then
        dir=/tmp/memcache-rs-$(id -u)-$(printf '%s' "$dir" | cksum | cut -d' ' -f1)
        mkdir -p "$dir"
        [ -O "$dir" ] || mc_die "$dir belongs to someone else"
    fi
    chmod 0700 "$dir"
    echo "$dir"
}
