#!/usr/bin/env bash
# Installs Segment's JavaScript clients (analytics-node, analytics-next) into node_modules here,
# for the capture tests that run them; skipped quietly when npm is missing.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: the analytics-node and analytics.js capture tests will be skipped"
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
