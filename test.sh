#!/usr/bin/env bash
# Runs every Clusterdeck test and ends with the line "N passed, N failed, N skipped".
# Installs the Debian packages the tests start for real (slapd, PostgreSQL, Prometheus and its node exporter, Chromium for the browser tests) when they are missing and
# this runs as root; elsewhere the tests that need them are skipped with a reason (or fail when CI=true).
set -uo pipefail
cd "$(dirname "$0")"

packages=(slapd ldap-utils postgresql prometheus prometheus-node-exporter chromium)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${missing[*]} ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
      echo "apt-get install ${missing[*]} failed" >&2; exit 1; }
  else
    echo "Not root: cannot install ${missing[*]}; tests that need them will be skipped." >&2
  fi
fi

dotnet build Clusterdeck.slnx -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

log=$(mktemp)
dotnet test --solution Clusterdeck.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() { grep -E "^\s*$1:\s*[0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the run itself failed (a crash, a module that ran no test): never report that as green
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ]
