#!/usr/bin/env bash
# Runs a command as root inside private mount, network and PID namespaces, so the network lab can
# never touch the host's real network and everything it made (namespaces, wireguard-go sockets,
# per-namespace resolv.conf files, test users, processes) vanishes when the command exits.
set -euo pipefail

if [[ $EUID -ne 0 ]]; then
  echo "sandbox.sh: the network lab needs root (namespaces, TUN devices, nftables); run as root" >&2
  exit 1
fi
if [[ $# -eq 0 ]]; then
  echo "usage: sandbox.sh COMMAND [ARGS...]" >&2
  exit 2
fi
for tool in unshare ip mount; do
  command -v "$tool" >/dev/null || { echo "sandbox.sh: '$tool' is missing (apt-get install util-linux iproute2)" >&2; exit 1; }
done

if [[ "${FERRY_LAB_SANDBOX:-}" != "inside" ]]; then
  # Mount points must exist before the private tmpfs can cover them; empty directories are harmless.
  mkdir -p /run/netns /var/run/wireguard /etc/netns /run/ferry-sandbox
  # --pid --fork --kill-child: when the command ends (or this script is killed), the kernel kills
  # every process left in the sandbox, so a crashed test cannot leave wireguard-go or ferryd behind.
  FERRY_LAB_SANDBOX=inside exec unshare --mount --net --pid --fork --kill-child --mount-proc \
    --propagation private -- bash "$0" "$@"
fi

# Inside the sandbox: private copies of everything the lab writes.
mount -t tmpfs -o mode=0755 ferry-lab-netns /run/netns
mount -t tmpfs -o mode=0755 ferry-lab-wireguard /var/run/wireguard
# A private scratch tmpfs (TMPDIR points into it; /tmp itself stays visible because the checkout may live
# there), and /etc on an overlay whose upper layer lives in it: test users (useradd), /etc/netns/* and
# temporary files vanish with the sandbox even if a test is killed mid-way.
mount -t tmpfs -o mode=0755 ferry-lab-scratch /run/ferry-sandbox
mkdir -m 1777 /run/ferry-sandbox/tmp
export TMPDIR=/run/ferry-sandbox/tmp
overlay_dir=/run/ferry-sandbox/etc-overlay
mkdir -m 0700 "$overlay_dir" "$overlay_dir/upper" "$overlay_dir/work"
# The merged /etc takes the upper directory's owner and mode: keep them /etc's, or other users lose /etc.
chmod --reference=/etc "$overlay_dir/upper"
chown --reference=/etc "$overlay_dir/upper"
mount -t overlay ferry-lab-etc-overlay \
  -o "lowerdir=/etc,upperdir=$overlay_dir/upper,workdir=$overlay_dir/work" /etc
mount -t tmpfs -o mode=0755 ferry-lab-etc-netns /etc/netns
ip link set lo up

status=0
"$@" || status=$?
exit "$status"
