// a config that is already at its target version must not even be touched
def current = new File(basedir, 'src/main/butane/current.bu')
assert current.setLastModified(1000000000000L)
return true
