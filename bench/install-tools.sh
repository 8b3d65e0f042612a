#!/bin/sh
# Installs what the benchmarks compare against and the test suite does not need: Debian's pandoc.
# Does nothing when it is present. Needs root on Debian/Ubuntu; elsewhere it says what to install.
set -eu
command -v pandoc >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "bench/install-tools: installing pandoc" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends pandoc
else
  echo "bench/install-tools: pandoc is missing. On Debian/Ubuntu: sudo apt-get install pandoc" >&2
  exit 1
fi
