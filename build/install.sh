#!/usr/bin/env bash
# Installs a built Ferry checkout system-wide: the helper in /opt/ferry, ferry/ferryd links, the ferry group and ferryd.service.
set -euo pipefail

PROGRAM='ferry install'
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=build/install-lib.sh
. "$repo/build/install-lib.sh"

usage() {
  cat <<'EOF'
usage: build/install.sh [options]
Run as root from a checkout after `npm ci && npm run build`. Running it again upgrades in place.

  --prefix DIR     where the runtime goes (default /opt/ferry)
  --bindir DIR     where the ferry and ferryd links go (default /usr/local/bin)
  --unitdir DIR    where ferryd.service goes (default /etc/systemd/system)
  --node PATH      the Node (>= 20.19, owned by root) the service runs (default: node on PATH)
  --destdir DIR    stage everything under DIR, as DESTDIR=DIR does; implies --no-group --no-systemd
  --runtime-only   copy the runtime into the prefix and stop (packaging uses this)
  --no-group       do not create the ferry group
  --no-systemd     write the unit file but do not run systemctl
  --dry-run        show what would be done, change nothing
  -h, --help       this help
EOF
}

node_bin=''
runtime_only=0
while (($#)); do
  parse_common_option "$@"
  if ((shift_by)); then
    shift "$shift_by"
    continue
  fi
  case $1 in
    --node)
      [[ $# -ge 2 && -n $2 ]] || die "--node needs a path"
      node_bin=$2
      shift 2
      ;;
    --runtime-only) runtime_only=1 && shift ;;
    -h | --help) usage && exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
finish_common_options

target=$destdir$prefix

# The build outputs the runtime needs; without them the install would start a broken daemon.
check_checkout() {
  local missing=() file
  for file in dist/helper/src/main.js dist/helper/src/cli/main.js dist/shared/src helper/bin/ferryd helper/bin/ferry \
    helper/native/build/Release/ferry_native.node node_modules/zod/package.json node_modules/sodium-native/package.json; do
    [[ -e $repo/$file ]] || missing+=("$file")
  done
  ((${#missing[@]} == 0)) || die "this checkout is not built (missing: ${missing[*]}); run: npm ci && npm run build"
  command -v npm >/dev/null 2>&1 || die "npm is needed to list the production dependencies (npm ls)"
}

# The service runs this Node as root, so it must be root's own: a user-writable node would hand root to that user.
# A staged install (--destdir) only warns: whoever deploys the staged tree decides.
find_node() {
  if [[ -z $node_bin ]]; then
    node_bin=$(command -v node) || die "node is not on PATH; install Node >= 20.19 or pass --node PATH"
  fi
  node_bin=$(readlink -f "$node_bin")
  check_path --node "$node_bin"
  [[ -x $node_bin ]] || die "$node_bin is not executable"
  "$node_bin" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
    die "$node_bin is Node $("$node_bin" --version); Ferry needs >= 20.19"
  local mode problem=''
  mode=$(stat -c %A "$node_bin")
  if [[ $(stat -c %u "$node_bin") != 0 || $mode == ?????w* || $mode == ????????w* ]]; then
    problem="$node_bin must be owned by root and writable by no one else (the service runs it as root)"
  fi
  case $node_bin in /home/* | /root/* | /tmp/*) problem="$node_bin is under /home, /root or /tmp, which the service cannot see" ;; esac
  [[ -z $problem ]] && return 0
  [[ -n $destdir ]] || die "$problem; pass --node PATH"
  warn "$problem; fine for staging, not for the unit of a real install"
}

# Production dependencies as npm sees them (no dev tools, no Electron), deepest paths folded into their parents.
production_modules() {
  local line kept=''
  while IFS= read -r line; do
    line=${line#"$repo"/}
    [[ $line == node_modules/* ]] || continue
    [[ -n $kept && $line == "$kept"/* ]] && continue
    kept=$line
    printf '%s\n' "$line"
  done < <(cd "$repo" && npm ls --omit=dev --all --parseable 2>/dev/null | LC_ALL=C sort)
}

# Copies with tar so that files come out root-owned (not the checkout owner's) and never group/world-writable.
copy_runtime() {
  local staging=$1 modules
  mapfile -t modules < <(production_modules)
  [[ " ${modules[*]} " == *" node_modules/zod "* ]] || die "npm ls did not list zod; run npm ci in the checkout"
  tar -C "$repo" -cf - --exclude='*.test.js' --exclude='*.d.ts' --exclude='*.map' --exclude='*.tsbuildinfo' \
    package.json README.md dist/helper dist/shared helper/bin helper/native/build/Release/ferry_native.node "${modules[@]}" |
    tar -C "$staging" -xf - --no-same-owner --no-same-permissions
  touch "$staging/$MARKER"
}

# Builds the new tree beside the old one and swaps it in, so an upgrade never leaves half a runtime.
install_runtime() {
  prefix_is_ours "$target" || die "refusing to replace $target: it is not empty and was not made by build/install.sh"
  say "copying the runtime to $target"
  ((dry_run)) && return 0
  mkdir -p "$(dirname "$target")"
  staging=$(mktemp -d "$(dirname "$target")/.ferry-install.XXXXXX")
  trap 'rm -rf "$staging" "$staging.old"' EXIT
  chmod 0755 "$staging"
  copy_runtime "$staging"
  if [[ -e $target ]]; then mv "$target" "$staging.old"; fi
  mv "$staging" "$target"
  rm -rf "$staging.old"
  trap - EXIT
}

# ferry and ferryd on PATH; a file there that is not a link is someone else's and stays.
install_links() {
  local name link
  act mkdir -p "$destdir$bindir"
  for name in ferry ferryd; do
    link=$destdir$bindir/$name
    [[ -e $link && ! -L $link ]] && die "$link exists and is not a link; remove it or pass --bindir DIR"
    say "linking $bindir/$name -> $prefix/helper/bin/$name"
    act ln -sfn "$prefix/helper/bin/$name" "$link"
  done
}

# The unit from build/systemd with this machine's node and prefix.
install_unit() {
  local unit=$destdir$unitdir/$UNIT_NAME
  say "writing $unitdir/$UNIT_NAME (runs $node_bin)"
  ((dry_run)) && return 0
  mkdir -p "$destdir$unitdir"
  sed -e "s#^ExecStart=/usr/bin/node #ExecStart=$node_bin #" -e "s#/opt/ferry#$prefix#g" \
    "$repo/build/systemd/$UNIT_NAME" >"$unit.tmp"
  chmod 0644 "$unit.tmp"
  mv "$unit.tmp" "$unit"
}

# ferryd creates it too; made here so a manual start works at once, 0700 because it holds private keys.
install_state_dir() {
  say "state directory $STATE_DIR (0700)"
  act mkdir -p "$destdir$STATE_DIR"
  act chmod 0700 "$destdir$STATE_DIR"
}

install_group() {
  if ((!with_group)); then
    say "skipping the $GROUP_NAME group (members may control the VPN): create it with groupadd --system $GROUP_NAME"
  elif getent group "$GROUP_NAME" >/dev/null; then
    say "group $GROUP_NAME exists"
  else
    say "creating the system group $GROUP_NAME (members may control the VPN)"
    act groupadd --system "$GROUP_NAME"
  fi
}

start_service() {
  local manual="start it yourself: $bindir/ferryd --socket /run/ferry/ferryd.sock --state-dir $STATE_DIR"
  if ((!with_systemd)); then
    say "skipping systemctl; to run ferryd: systemctl daemon-reload && systemctl enable --now $UNIT_NAME, or $manual"
  elif ! systemd_running; then
    say "systemd is not running on this machine, so $UNIT_NAME was not enabled; $manual"
  else
    say "enabling and (re)starting $UNIT_NAME (an active VPN connection drops for a moment)"
    act systemctl daemon-reload
    act systemctl enable "$UNIT_NAME"
    act systemctl restart "$UNIT_NAME"
  fi
}

check_checkout
if ((runtime_only)); then
  install_runtime
  exit 0
fi
find_node
((dry_run)) && say "dry run: nothing is changed"
install_runtime
install_links
install_unit
install_state_dir
install_group
start_service
say "done. Let a user control the VPN: usermod -aG $GROUP_NAME ${SUDO_USER:-USER} (then log in again); try: ferry status"
