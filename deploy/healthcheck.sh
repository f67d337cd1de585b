#!/bin/bash
# Container health check for `stancestream run`: GET /health on the app's own port must answer 200.
# Plain bash (/dev/tcp) because the JRE base image ships no curl or wget.
set -euo pipefail
port="${STANCESTREAM_HTTP_PORT:-7070}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 4 status_line <&3
[[ "${status_line}" == HTTP/1.?" 200"* ]]
