# Sourced by bin/musicoder and environment/test.sh: makes sure the tools they need are here.
# Installs missing Debian packages with apt-get when run as root; otherwise prints the exact command and stops.
# Usage: require_packages CMD:PACKAGE ...   (CMD is looked up on PATH; PACKAGE is what provides it)

musicoder_apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "musicoder: installing Debian packages: $*" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2 ||
      { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2; }
  else
    echo "musicoder: missing packages; install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends $*" >&2
    return 1
  fi
}

require_packages() {
  local missing=() spec
  for spec in "$@"; do
    command -v "${spec%%:*}" >/dev/null 2>&1 || missing+=("${spec#*:}")
  done
  [ ${#missing[@]} -eq 0 ] || musicoder_apt_install "${missing[@]}"
}

# Debian's python3-torch for /usr/bin/python3 (the PyTorch twin of the model tests).
require_python_torch() {
  [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import torch, numpy' >/dev/null 2>&1 && return 0
  musicoder_apt_install python3-torch python3-numpy || return 1
  /usr/bin/python3 -c 'import torch, numpy' >/dev/null ||
    { echo "musicoder: /usr/bin/python3 still cannot import torch after installing python3-torch" >&2; return 1; }
}

# Debian's python3-sklearn for /usr/bin/python3 (the scikit-learn oracle of the metric tests).
require_python_sklearn() {
  [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import sklearn, numpy' >/dev/null 2>&1 && return 0
  musicoder_apt_install python3-sklearn python3-numpy || return 1
  /usr/bin/python3 -c 'import sklearn, numpy' >/dev/null ||
    { echo "musicoder: /usr/bin/python3 still cannot import sklearn after installing python3-sklearn" >&2; return 1; }
}

# Debian's Jupyter client, kernel conformance suite and nbclient for /usr/bin/python3 (the kernel tests).
require_jupyter() {
  [ -x /usr/bin/python3 ] && command -v jupyter-kernelspec >/dev/null 2>&1 &&
    /usr/bin/python3 -c 'import jupyter_client, jupyter_kernel_test, nbclient' >/dev/null 2>&1 && return 0
  musicoder_apt_install jupyter-client python3-jupyter-kernel-test python3-nbclient || return 1
  /usr/bin/python3 -c 'import jupyter_client, jupyter_kernel_test, nbclient' >/dev/null ||
    { echo "musicoder: /usr/bin/python3 still cannot import jupyter_client/jupyter_kernel_test/nbclient" >&2; return 1; }
}

# A font for the static figure images the kernel draws in Java2D (java.awt finds fonts through fontconfig).
require_fonts() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list : family 2>/dev/null | head -n 1)" ] && return 0
  musicoder_apt_install fontconfig fonts-dejavu-core
}

# Java >= 17 and Maven.
require_java_maven() {
  require_packages java:openjdk-17-jdk-headless javac:openjdk-17-jdk-headless mvn:maven || return 1
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  if [ "${v%%.*}" -lt 17 ] 2>/dev/null; then
    echo "musicoder: Java 17 or newer is needed, found $v (set JAVA_HOME or install openjdk-17-jdk-headless)" >&2
    return 1
  fi
}

# What the kernel's display tests use: Debian's chromium, require.js and Jupyter's nbconvert (/usr/bin/python3).
require_display_test_tools() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ -f /usr/share/javascript/requirejs/require.min.js ] || missing+=(libjs-requirejs)
  /usr/bin/python3 -c 'import nbconvert' >/dev/null 2>&1 || missing+=(python3-nbconvert)
  [ ${#missing[@]} -eq 0 ] || musicoder_apt_install "${missing[@]}"
}

# What bin/musicoder demo uses: Jupyter's nbconvert and nbclient with jupyter_client (/usr/bin/python3) to execute
# notebooks/01-quickstart headless and export it as HTML; require.js for that page (no CDN).
require_notebook_tools() {
  local missing=()
  /usr/bin/python3 -c 'import nbconvert, nbclient, jupyter_client' >/dev/null 2>&1 ||
    missing+=(python3-nbconvert python3-nbclient python3-jupyter-client)
  [ -f /usr/share/javascript/requirejs/require.min.js ] || missing+=(libjs-requirejs)
  [ ${#missing[@]} -eq 0 ] || musicoder_apt_install "${missing[@]}"
}

# What environment/jupyterlab-check.sh uses: Debian's chromium and jupyter_server (/usr/bin/python3), npm and Node.js.
require_jupyterlab_check_tools() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  /usr/bin/python3 -c 'import jupyter_server' >/dev/null 2>&1 || missing+=(python3-jupyter-server)
  [ ${#missing[@]} -eq 0 ] || musicoder_apt_install "${missing[@]}"
}
