def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines().findAll { it.contains('Fleet hosts in ') }
assert lines.size() == 2 : "expected one summary per build: ${lines}"
assert lines[0].endsWith('fleet.yaml: 4 transpiled, 0 up to date, 0 failed (output in target/ignition)')
assert lines[1].endsWith('fleet-changed.yaml: 1 transpiled, 3 up to date, 0 failed (output in target/ignition)')
def out = new File(basedir, 'target/ignition')
assert new File(out, 'hosts/web-2.ign').getText('UTF-8').contains('HTTP_PORT%3D9191%0A')
assert new File(out, 'hosts/web-1.ign').getText('UTF-8').contains('HTTP_PORT%3D8080%0A')
// the state remembers fingerprints only: no variable value, secret or not
def state = new File(basedir, 'target/kindling/transpile-default.json').getText('UTF-8')
assert !state.contains('K10-it-secret-value') && !state.contains('9191')
assert !log.contains('K10-it-secret-value')
return true
