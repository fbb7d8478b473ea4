#!/usr/bin/env bash
# Prepares this machine for the container tests: podman with runc, a containers.conf that works
# here, and two small local images (no registry is reachable, so nothing is pulled):
#   localhost/osprey-test:1       busybox + bash, root user, marker file /etc/osprey-test-image
#   localhost/osprey-test:1-user  the same files, USER 1000:1000 and an ENTRYPOINT that must be
#                                 overridden (it echoes instead of running anything)
# Idempotent and quiet: what is already there is kept. On success it prints the variables the
# tests need as `export` lines and writes them to .build/containers/env; on failure it writes
# the reason to .build/containers/failure (the tests quote it) and exits non-zero.
# Bump IMAGE_VERSION whenever the image's contents change, so that old images are not reused.
set -euo pipefail

IMAGE_VERSION=1
IMAGE="localhost/osprey-test:$IMAGE_VERSION"
USER_IMAGE="$IMAGE-user"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
state="$root/.build/containers"
mkdir -p "$state"
rm -f "$state/env" "$state/failure"
log="$state/setup.log"
: >"$log"

fail() {
  {
    echo "tests/containers/setup.sh failed: $*"
    echo "last lines of $log:"
    tail -n 15 "$log"
  } >"$state/failure"
  cat "$state/failure" >&2
  exit 1
}

# --- Packages -----------------------------------------------------------------------------
# busybox-static conflicts with Debian's dynamic busybox; either serves (its libraries are
# copied into the image like bash's), so only a missing busybox is installed.
missing=()
command -v podman >/dev/null 2>&1 || missing+=(podman)
command -v runc >/dev/null 2>&1 || missing+=(runc)
command -v busybox >/dev/null 2>&1 || missing+=(busybox-static)
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "${missing[*]} missing, and installing needs root"
  command -v apt-get >/dev/null 2>&1 || fail "${missing[*]} missing, and there is no apt-get"
  apt-get update -qq >>"$log" 2>&1 || fail "apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >>"$log" 2>&1 \
    || fail "apt-get install ${missing[*]}"
fi

# --- Configuration ------------------------------------------------------------------------
# crun (podman's default) fails here, and runc cannot raise the container's open-file and
# process limits above the sandbox's own hard limits (podman asks for 1048576 by default), so
# both are set to values every machine of ours allows.
conf="$state/containers.conf"
cat >"$conf" <<'EOF'
[engine]
runtime = "runc"

[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
EOF
export CONTAINERS_CONF="$conf"
podman info >>"$log" 2>&1 || fail "podman info"

# --- Images -------------------------------------------------------------------------------
build_root() {
  local dir=$1 bin lib applet
  mkdir -p "$dir"/{bin,etc,tmp,root,proc,sys,dev,home/osprey}
  chmod 1777 "$dir/tmp"
  for bin in "$(command -v busybox)" "$(readlink -f "$(command -v bash)")"; do
    cp "$bin" "$dir/bin/"
    # Dynamic executables bring their libraries at the same paths; a static one has none.
    for lib in $(ldd "$bin" 2>/dev/null | grep -o '/[^ ]*' || true); do
      mkdir -p "$dir$(dirname "$lib")"
      cp -L "$lib" "$dir$lib"
    done
  done
  for applet in $("$dir/bin/busybox" --list); do
    [ -e "$dir/bin/$applet" ] || ln -s busybox "$dir/bin/$applet"
  done
  ln -sf bash "$dir/bin/sh"
  printf 'root:x:0:0:root:/root:/bin/bash\nosprey:x:1000:1000:osprey:/home/osprey:/bin/bash\n' >"$dir/etc/passwd"
  printf 'root:x:0:\nosprey:x:1000:\n' >"$dir/etc/group"
  chown 1000:1000 "$dir/home/osprey"
  echo "osprey-test image $IMAGE_VERSION" >"$dir/etc/osprey-test-image"
}

if ! podman image exists "$IMAGE" || ! podman image exists "$USER_IMAGE"; then
  tree=$(mktemp -d)
  trap 'rm -rf "$tree"' EXIT
  build_root "$tree" >>"$log" 2>&1 || fail "building the image's files"
  tar -C "$tree" --numeric-owner -c . | podman import - "$IMAGE" >>"$log" 2>&1 || fail "podman import $IMAGE"
  tar -C "$tree" --numeric-owner -c . | podman import \
    --change 'USER=1000:1000' --change 'ENTRYPOINT ["/bin/echo", "entrypoint-was-not-overridden"]' - "$USER_IMAGE" >>"$log" 2>&1 \
    || fail "podman import $USER_IMAGE"
fi

# A container must actually start: podman info succeeds even where runc cannot run anything.
marker=$(podman run --rm "$IMAGE" cat /etc/osprey-test-image 2>>"$log") || fail "podman run $IMAGE"
[ "$marker" = "osprey-test image $IMAGE_VERSION" ] || fail "unexpected marker in $IMAGE: $marker"

printf 'export CONTAINERS_CONF=%q\nexport OSPREY_TEST_IMAGE=%q\nexport OSPREY_TEST_USER_IMAGE=%q\n' "$conf" "$IMAGE" "$USER_IMAGE" | tee "$state/env"
