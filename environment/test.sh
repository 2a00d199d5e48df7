#!/usr/bin/env bash
# Runs every test of every module (the README's test command; .ci/run calls it).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/environment/require.sh"
require_java_maven
require_fonts
require_python_torch
require_python_sklearn
require_display_test_tools
require_jupyter
cd "$root"
mvn -B -ntp -Dstyle.color=never test "$@"
# the public API's documentation builds (javadoc errors: malformed HTML, broken {@link}s)
mvn -q -B -ntp -Dstyle.color=never javadoc:aggregate
echo "javadoc: target/site/apidocs/index.html"
