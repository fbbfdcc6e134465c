def log = new File(basedir, 'build.log').getText('UTF-8')
def read = { String p -> new File(basedir, 'src/main/butane/' + p).getText('UTF-8') }
def summaries = log.readLines().findAll { it.contains('Butane configs in src/main/butane:') }
assert summaries.size() == 2 : "one summary per run: ${summaries}"
assert summaries[0].endsWith('3 upgraded, 1 already at their target version, 0 refused')
assert summaries[1].endsWith('0 upgraded, 4 already at their target version, 0 refused')
assert log.contains('[INFO] Upgraded src/main/butane/web.bu: fcos 1.4.0 -> 1.7.0')
assert log.contains('[INFO] Upgraded src/main/butane/openshift/worker.bu: openshift 4.14.0 -> 4.22.0')
assert log.contains('[INFO] Upgraded src/main/butane/flatcar.bu: flatcar 1.0.0 -> 1.1.0')

def web = read('web.bu')
def expectedWeb = new File(basedir, 'expected/web.bu').getText('UTF-8')
assert web == expectedWeb
assert read('openshift/worker.bu').contains('\nversion: 4.22.0\n')
assert read('openshift/worker.bu').startsWith('# chrony for the workers\nvariant: openshift\n')
assert read('flatcar.bu').contains('\nversion: 1.1.0 # flatcar\'s own version line\n')
assert new File(basedir, 'src/main/butane/current.bu').lastModified() == 1000000000000L
// no temporary files left beside the configs
assert new File(basedir, 'src/main/butane').list().sort() == ['current.bu', 'flatcar.bu', 'openshift', 'web.bu']
return true
