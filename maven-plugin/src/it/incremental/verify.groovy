def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines().findAll { it.contains('Butane configs in src/main/butane:') }
assert lines.size() == 3 : "expected one summary per build: ${lines}"
assert lines[0].endsWith('3 transpiled, 0 up to date, 0 failed (output in target/ignition)')
assert lines[1].endsWith('0 transpiled, 3 up to date, 0 failed (output in target/ignition)')
assert lines[2].endsWith('3 transpiled, 0 up to date, 0 failed (output in target/ignition)')
assert new File(basedir, 'target/ignition/hosts/b.ign').getText('UTF-8').startsWith('{\n  "ignition": {\n    "version": "3.5.0"')
assert new File(basedir, 'target/kindling/transpile-default.json').isFile()
return true
