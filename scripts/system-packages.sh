#!/usr/bin/env bash
# Install the Debian packages contextsafe's tests need, only when they are missing.
# Java runs Splink's Spark engine (pyspark in local mode). PostgreSQL is the web application's second
# database engine (its tests run on it too); Debian's Chromium drives the web application's browser tests.
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
command -v pg_ctlcluster >/dev/null 2>&1 && dpkg -s postgresql >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
