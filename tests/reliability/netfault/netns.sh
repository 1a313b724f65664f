#!/bin/bash
# A private two-namespace network for the fault suite (root; no systemd needed):
#
#   client netns PREFIX-client 10.200.0.1  --veth-->  server netns PREFIX-server
#                                                       10.200.0.2  dnsmasq (DNS for *.test)
#                                                       10.200.0.3  gmail.test   (the Gmail API, TLS on 443)
#                                                       10.200.0.4  oauth.test   (the OAuth token endpoint, TLS on 443)
#                                                       10.200.0.5  imap.test    (Dovecot, IMAPS on 993)
#
# Neither namespace is joined to the host's network, so no test packet can leave the machine. Processes started
# with `ip netns exec PREFIX-client` resolve names through the server's dnsmasq only (per-namespace resolv.conf and
# nsswitch.conf) and trust the certificate authority given to `up` as their system store (/etc/ssl).
#
# usage: netns.sh PREFIX up CA_PEM | down | restore | status | fault NAME [ARG]
# faults: nxdomain dns-down dns-drop link-down carrier-down flap blackhole refused host-unreachable no-route
#         loss PCT  slow  tls-stall  cut
set -euo pipefail

P=${1:?prefix}
shift
C=$P-client S=$P-server CIF=$P-c0 SIF=$P-s0
CIP=10.200.0.1 DNSIP=10.200.0.2
SERVICES=(gmail.test=10.200.0.3 oauth.test=10.200.0.4 imap.test=10.200.0.5)
SERVICE_IPS="10.200.0.3, 10.200.0.4, 10.200.0.5"
# The services' TLS ports: HTTPS (Gmail, OAuth) and IMAPS.
TLS_PORTS="443, 993"
SPORT_FILTER="( sport = :443 or sport = :993 )"
# Where a stalled TLS handshake goes: a listener in the server namespace that accepts and never answers.
TARPIT_PORT=${NETFAULT_TARPIT_PORT:-4443}
ST=/run/vaulttray-netfault-$P
# glibc's default (timeout:5 attempts:2) makes a dropped DNS query cost 10 s; a laptop's resolver is often faster.
RESOLV_OPTS="timeout:1 attempts:2"
FLAP_DOWN_S=2 FLAP_UP_S=2 FLAP_CYCLES=3

cx() { ip netns exec "$C" "$@"; }
sx() { ip netns exec "$S" "$@"; }
have_ns() { [ -e "/run/netns/$1" ]; }

start_dns() { # [dnsmasq record options]; by default every service name resolves
    local records=() s
    if [ $# -eq 0 ]; then for s in "${SERVICES[@]}"; do records+=("--host-record=${s%%=*},${s#*=}"); done
    else records=("$@"); fi
    # `ip netns exec ... &` execs dnsmasq itself, so $! is its pid.
    ip netns exec "$S" dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --no-poll \
        --bind-interfaces --listen-address=$DNSIP --local=/test/ --user=root --pid-file="$ST/dnsmasq.pid" \
        "${records[@]}" >/dev/null 2>&1 &
    echo $! >"$ST/dns.pid"
    for _ in $(seq 50); do sx ss -lun | grep -q "$DNSIP:53 " && return 0; sleep 0.1; done
    echo "netns.sh: dnsmasq did not start" >&2
    return 1
}

stop_pidfile() {
    local f=$ST/$1.pid p
    [ -f "$f" ] || return 0
    p=$(cat "$f")
    kill "$p" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
    rm -f "$f"
}

cmd_down() {
    local ns pids
    for ns in "$C" "$S"; do
        have_ns "$ns" || continue
        # A process left inside keeps a deleted namespace (and its veth) alive: end them by pid first.
        pids=$(ip netns pids "$ns" | grep -vx "$$" || true)
        [ -n "$pids" ] && { kill $pids 2>/dev/null || true; sleep 0.3; }
        pids=$(ip netns pids "$ns" | grep -vx "$$" || true)
        [ -n "$pids" ] && { kill -9 $pids 2>/dev/null || true; }
        ip netns del "$ns"
    done
    rm -rf "/etc/netns/$C" "/etc/netns/$S" "$ST"
    rmdir /etc/netns 2>/dev/null || true
}

cmd_up() {
    local ca=${1:?CA certificate (PEM) the client trusts}
    cmd_down
    mkdir -p "$ST" "/etc/netns/$C/ssl/certs"
    ip netns add "$C"
    ip netns add "$S"
    ip link add "$CIF" netns "$C" type veth peer name "$SIF" netns "$S" # never exists in the host namespace
    ip -n "$C" addr add $CIP/24 dev "$CIF"
    ip -n "$S" addr add $DNSIP/24 dev "$SIF"
    local s
    for s in "${SERVICES[@]}"; do ip -n "$S" addr add "${s#*=}/24" dev "$SIF"; done
    ip -n "$C" link set lo up
    ip -n "$S" link set lo up
    ip -n "$C" link set "$CIF" up
    ip -n "$S" link set "$SIF" up
    ip -n "$C" route add default via $DNSIP # the "internet" is the server namespace, which has no way out
    # Unlimited ICMP errors: rate-limited ones turn a fast "unreachable" into a random timeout.
    sx sysctl -qw net.ipv4.icmp_ratelimit=0
    # `ip netns exec` bind-mounts /etc/netns/NS/* over /etc/* for every process it starts.
    printf 'nameserver %s\noptions %s\n' $DNSIP "$RESOLV_OPTS" >"/etc/netns/$C/resolv.conf"
    printf '127.0.0.1 localhost\n::1 localhost ip6-localhost\n' >"/etc/netns/$C/hosts"
    # Plain files + dns: nss-resolve or nss-mdns would ask host daemons over unix sockets and bypass the lab.
    sed -E 's/^hosts:.*/hosts: files dns/' /etc/nsswitch.conf >"/etc/netns/$C/nsswitch.conf"
    # The client's system trust store holds the test CA alone (OpenSSL's hashed directory and the bundle file).
    cp "$ca" "/etc/netns/$C/ssl/certs/ca-certificates.crt"
    openssl rehash "/etc/netns/$C/ssl/certs" >/dev/null
    start_dns
    cx getent hosts gmail.test >/dev/null || { echo "netns.sh: gmail.test does not resolve" >&2; return 1; }
}

nft_server() { # a filter rule on what reaches the server namespace
    sx nft add table inet nf
    sx nft add chain inet nf in '{ type filter hook input priority 0; policy accept; }'
    sx nft add rule inet nf in "$@"
}

cmd_restore() { # undoes every fault, keeps the topology and the running servers
    local ns
    for ns in "$C" "$S"; do
        ip netns exec "$ns" nft delete table inet nf 2>/dev/null || true
        ip netns exec "$ns" nft delete table ip nfnat 2>/dev/null || true
    done
    cx tc qdisc del dev "$CIF" root 2>/dev/null || true
    stop_pidfile flap
    ip -n "$S" link set "$SIF" up
    ip -n "$C" link set "$CIF" up
    ip -n "$C" route flush table main 2>/dev/null || true # drops unreachable routes too
    ip -n "$C" route replace 10.200.0.0/24 dev "$CIF" proto kernel scope link src $CIP
    ip -n "$C" route replace default via $DNSIP
    if ! sx ss -lun | grep -q "$DNSIP:53 " || [ -f "$ST/dns.nx" ]; then
        stop_pidfile dns
        rm -f "$ST/dns.nx"
        start_dns
    fi
}

cmd_fault() {
    local f=${1:?fault name}
    shift || true
    case $f in
    nxdomain) # every *.test name answers NXDOMAIN
        stop_pidfile dns
        touch "$ST/dns.nx"
        start_dns --local=/test/ ;;
    dns-down) stop_pidfile dns ;;                                             # closed port: ICMP, a fast EAI_AGAIN
    dns-drop) nft_server meta l4proto '{ tcp, udp }' th dport 53 drop ;;     # silence: EAI_AGAIN after the timeout
    link-down) ip -n "$C" link set "$CIF" down ;;                             # the device taken down
    carrier-down) ip -n "$S" link set "$SIF" down ;;                          # the access point gone
    flap) # carrier down and up a few times, in the background; `restore` ends it
        ( for _ in $(seq "${1:-$FLAP_CYCLES}"); do
              ip -n "$S" link set "$SIF" down; sleep $FLAP_DOWN_S
              ip -n "$S" link set "$SIF" up; sleep $FLAP_UP_S
          done ) >/dev/null 2>&1 &
        echo $! >"$ST/flap.pid" ;;
    blackhole) nft_server ip saddr $CIP drop ;;                               # every packet vanishes
    refused) nft_server ip daddr "{ $SERVICE_IPS }" tcp dport "{ $TLS_PORTS }" reject with tcp reset ;;
    host-unreachable) nft_server ip daddr "{ $SERVICE_IPS }" reject with icmpx type host-unreachable ;;
    no-route) ip -n "$C" route flush table main ;;                            # ENETUNREACH
    loss) nft_server ip saddr $CIP numgen random mod 100 '<' "${1:?percent}" drop ;;
    slow) # a poor link: a quarter of the packets lost, 256 kbit/s with a deep queue
        nft_server ip saddr $CIP numgen random mod 100 '<' 25 drop
        cx tc qdisc add dev "$CIF" root tbf rate 256kbit burst 1600 latency 2s ;;
    tls-stall) # new connections reach a listener that never starts TLS; connections already open are cut
        sx nft add table ip nfnat
        sx nft add chain ip nfnat pre '{ type nat hook prerouting priority -100; }'
        sx nft add rule ip nfnat pre ip daddr "{ $SERVICE_IPS }" tcp dport "{ $TLS_PORTS }" redirect to :$TARPIT_PORT
        sx ss -K state established "$SPORT_FILTER" >/dev/null ;;
    cut) sx ss -K state established "$SPORT_FILTER" >/dev/null ;;  # the server side drops open connections
    *) echo "netns.sh: unknown fault $f" >&2; return 2 ;;
    esac
}

cmd_status() {
    local ns
    for ns in "$C" "$S"; do
        have_ns "$ns" || { echo "$ns: absent"; continue; }
        echo "== $ns"
        ip -n "$ns" -br addr
        ip -n "$ns" route
        ip netns exec "$ns" nft list ruleset 2>/dev/null
        echo "pids: $(ip netns pids "$ns" | tr '\n' ' ')"
    done
}

case ${1:-} in
up) shift; cmd_up "$@" ;;
down) cmd_down ;;
restore) cmd_restore ;;
status) cmd_status ;;
fault) shift; cmd_fault "$@" ;;
*) sed -n '2,16p' "$0"; exit 2 ;;
esac
