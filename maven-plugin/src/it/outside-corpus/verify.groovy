// web.ign is what the real Butane wrote for the same config (its .stdout), in hosts/ as the
// config; bad.bu failed the build naming bad.bu:5:13, and has no output.
def web = new File(basedir, 'target/ignition/hosts/web.ign')
assert web.isFile() : 'hosts/web.ign was not written'
assert web.bytes == new File(basedir, 'expected-web.ign').bytes : "web.ign differs from Butane's output"

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] src/main/butane/bad.bu:5:13: error: ')
// the corpus case's one warning, where Butane reported it
assert log.contains('[WARNING] src/main/butane/hosts/web.bu:53:13: warning: ')
assert log =~ /on project outside-corpus: 1 error in 1 file/
assert !new File(basedir, 'target/ignition/bad.ign').exists()
return true
