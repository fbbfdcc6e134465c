def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] src/main/butane/excessive.bu:4:57: error: yaml: document contains excessive aliasing')
assert log.contains('src/main/butane/laughs.bu:3:1: warning: unused key a [$.a]')
assert log.contains('1 transpiled, 0 up to date, 1 failed')
assert new File(basedir, 'target/ignition/laughs.ign').getText('UTF-8') == '{"ignition":{"version":"3.4.0"}}\n'
assert !new File(basedir, 'target/ignition/excessive.ign').exists()
return true
