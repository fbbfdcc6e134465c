def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] src/main/butane/disk.bu:7:7: error: fcos 1.4.0 has no field storage.luks.discard (added in fcos 1.5.0); remove it or choose another version [$.storage.luks.0.discard]')
assert log.contains('[INFO] Upgraded src/main/butane/ok.bu: fcos 1.3.0 -> 1.4.0')
assert log.contains('Butane configs in src/main/butane: 1 upgraded, 0 already at their target version, 1 refused')
assert log.contains('1 config could not be upgraded (left unchanged); see the errors above')
assert new File(basedir, 'src/main/butane/disk.bu').getText('UTF-8').contains('\nversion: 1.6.0\n')
assert new File(basedir, 'src/main/butane/ok.bu').getText('UTF-8') == 'variant: fcos\nversion: 1.4.0\n'
return true
