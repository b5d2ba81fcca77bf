# Sourced by e2e/build.sh and ./tracestack. Go and the Maven wrapper keep their caches under $HOME; with HOME
# empty or unset, Go has none (GOCACHE=off, no GOPATH: every build fails) and the wrapper writes to /.m2.
# account_home <fallback>: where HOME would point, the account's home in the user database when it is a
# directory this user can write, else <fallback>.
account_home() {
  local home
  home=$(getent passwd "$(id -u)" | cut -d: -f6 || true)
  if [ -n "$home" ] && [ -d "$home" ] && [ -w "$home" ]; then
    echo "$home"
  else
    echo "$1"
  fi
}
