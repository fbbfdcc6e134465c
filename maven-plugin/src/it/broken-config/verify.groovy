// The error is in the log at file:line:col, the build failed with a summary, the good config
// was still written and the broken one has no output (its stale one was deleted).
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] src/main/butane/hosts/bad.bu:5:13: error: ') : 'no file:line:col error line'
assert log =~ /\[ERROR\] src\/main\/butane\/hosts\/bad\.bu:5:13: error: .*etc\/motd.* \[\$\.storage\.files\.0\.path\]/
assert log.contains('[INFO] Deleted stale output target/ignition/hosts/bad.ign')
assert log.contains('1 transpiled, 0 up to date, 1 failed')
assert log =~ /Failed to execute goal dev\.kindling:kindling-maven-plugin:[^:]+:transpile \(default\) on project broken-config: 1 error in 1 file/

assert new File(basedir, 'target/ignition/hosts/good.ign').isFile()
assert !new File(basedir, 'target/ignition/hosts/bad.ign').exists()
assert !new File(basedir, 'target/ignition/hosts/bad.yaml').exists()
return true
