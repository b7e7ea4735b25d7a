#!/usr/bin/env bash
# Generates the certificates of the TLS tests into DIR (created if needed), with Debian's
# openssl: nothing that expires is ever committed, each run makes its own.
#
#   scripts/tls-certs.sh DIR
#
#   ca.pem, ca.key                  the test CA
#   other-ca.pem                    a CA that signed nothing here (the "unknown CA" case)
#   server.pem, server.key          signed by the CA, for localhost, 127.0.0.1 and ::1
#   server-expired.pem              the same key and names, valid only on 1-2 January 2020
#   client.pem, client.key          a client certificate signed by the CA (mutual TLS)
#
# All keys are P-256 (quick to make). Prints DIR.
set -euo pipefail

dir=${1:?usage: $0 DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

names='subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1'

key() {
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
}

# A self-signed CA: NAME SUBJECT
ca() {
    key "$work/$1.key"
    openssl req -x509 -new -key "$work/$1.key" -subj "/CN=$2" -days 3650 -out "$work/$1.pem" \
        -addext basicConstraints=critical,CA:TRUE \
        -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}

# A leaf signed by the test CA: NAME SUBJECT EXTENSIONS
leaf() {
    key "$work/$1.key"
    openssl req -new -key "$work/$1.key" -subj "/CN=$2" -out "$work/$1.csr" 2>/dev/null
    printf '%s\nbasicConstraints=CA:FALSE\n' "$3" >"$work/$1.ext"
    openssl x509 -req -in "$work/$1.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" \
        -CAcreateserial -days 3650 -extfile "$work/$1.ext" -out "$work/$1.pem" 2>/dev/null
}

ca ca "memcache-rs test CA"
ca other-ca "memcache-rs other CA"
leaf server localhost "$names"$'\nextendedKeyUsage=serverAuth'
leaf client memcache-rs-client extendedKeyUsage=clientAuth

# `openssl x509` cannot back-date a certificate on OpenSSL 3.0; `openssl ca` can.
mkdir -p "$work/db"
: >"$work/db/index.txt"
echo 01 >"$work/db/serial"
cat >"$work/db/ca.cnf" <<EOF
[ca]
default_ca = test
[test]
database = $work/db/index.txt
serial = $work/db/serial
new_certs_dir = $work/db
default_md = sha256
policy = any
[any]
commonName = supplied
[server]
$names
extendedKeyUsage = serverAuth
basicConstraints = CA:FALSE
EOF
openssl ca -batch -config "$work/db/ca.cnf" -cert "$work/ca.pem" -keyfile "$work/ca.key" \
    -in "$work/server.csr" -startdate 20200101000000Z -enddate 20200102000000Z \
    -extensions server -notext -out "$work/server-expired.pem" >/dev/null 2>&1

for f in ca.pem ca.key other-ca.pem server.pem server.key server-expired.pem client.pem client.key; do
    cp "$work/$f" "$dir/$f"
done
chmod 0600 "$dir"/*.key
echo "$dir"
