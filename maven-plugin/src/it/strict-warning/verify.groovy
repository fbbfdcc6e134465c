def log = new File(basedir, 'build.log').getText('UTF-8')
def line = '[WARNING] src/main/butane/warns.bu:9:3: warning: '
assert log.contains(line) : 'no file:line:col warning line'
// first build: success with the warning, output written; second (strict): failure, output gone
assert log.contains('1 transpiled, 0 up to date, 0 failed')
assert log.contains('0 transpiled, 0 up to date, 1 failed')
assert log.contains('[INFO] Deleted stale output target/ignition/warns.ign')
assert log =~ /on project strict-warning: 1 warning in 1 file \(strict/
assert !new File(basedir, 'target/ignition/warns.ign').exists()
return true
