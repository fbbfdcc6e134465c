// one log for both builds: the first fails on the typo, the second (failIfNoConfigs=false) warns
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('The Butane source folder src/main/butan does not exist (check sourceDirectory and includes, or set failIfNoConfigs to false)')
assert log.contains('[WARNING] The Butane source folder src/main/butan does not exist')
assert log.contains('BUILD FAILURE')
assert log.contains('BUILD SUCCESS')
return true
