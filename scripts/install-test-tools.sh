#!/bin/sh
# Installs the independent checkers the test suite runs against pressroom's outputs:
#   EPUBCheck (Debian package `epubcheck`, run as `java -jar /usr/share/java/epubcheck.jar`),
#   poppler-utils (pdftotext, pdffonts, pdfinfo), qpdf,
#   translate-toolkit (pocount, xliff2po, po2xliff: an independent XLIFF 1.2 and TMX reader), libxml2-utils (xmllint).
# Does nothing when they are present. Needs root on Debian/Ubuntu; elsewhere it says what to install.
set -eu

missing=""
[ -f /usr/share/java/epubcheck.jar ] && command -v java >/dev/null 2>&1 || missing="$missing epubcheck"
command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v qpdf >/dev/null 2>&1 || missing="$missing qpdf"
command -v pocount >/dev/null 2>&1 && command -v po2xliff >/dev/null 2>&1 || missing="$missing translate-toolkit"
command -v xmllint >/dev/null 2>&1 || missing="$missing libxml2-utils"

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "install-test-tools: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
else
  echo "install-test-tools: missing$missing. On Debian/Ubuntu: sudo apt-get install$missing" >&2
  exit 1
fi
