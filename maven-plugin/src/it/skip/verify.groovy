def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Skipping Kindling (kindling.skip is set)')
assert !log.contains('broken.bu')
assert !new File(basedir, 'target/ignition').exists()
return true
