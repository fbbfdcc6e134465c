def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Would upgrade src/main/butane/web.bu: fcos 1.4.0 -> 1.7.0')
assert log.contains('[INFO]      3 - version: 1.4.0')
assert log.contains('[INFO]      3 + version: 1.7.0')
assert !log.contains('current.bu: fcos')
assert log.contains('Butane configs in src/main/butane: 1 would be upgraded, 1 already at their target version, 0 refused (dry run: nothing was written)')
assert new File(basedir, 'src/main/butane/web.bu').getText('UTF-8').contains('\nversion: 1.4.0\n')
return true
