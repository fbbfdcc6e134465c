// check reports the problems of every config, in file order, before it fails; it writes nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
def problems = log.readLines().findAll { it =~ /^\[(ERROR|WARNING)\] src\/main\/butane\// }
assert problems.size() == 4 : "expected four problem lines: ${problems}"
assert problems[0].startsWith('[ERROR] src/main/butane/a/one.bu:5:13: error: ')
assert problems[0].endsWith(' [$.storage.files.0.path]')
assert problems[1].startsWith('[ERROR] src/main/butane/b/two.bu:')
assert problems[1].contains(': error: ')
assert problems[2].startsWith('[ERROR] src/main/butane/c/three.bu: error: ')
assert problems[2].contains('9.9.9')
assert problems[3] == '[WARNING] src/main/butane/fine.bu:6:7: warning: unused key password [$.passwd.users.0.password]'
assert log.contains('[INFO] Checked 5 Butane configs in src/main/butane: 3 errors, 1 warning')
assert log =~ /kindling-maven-plugin:[^:]+:check \(default\) on project check-several: 3 errors in 3 files/
assert !new File(basedir, 'target/ignition').exists()
return true
