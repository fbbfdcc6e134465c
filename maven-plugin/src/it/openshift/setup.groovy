// The config is a case of the conformance corpus, whose .stdout is what the real Butane wrote.
def name = 'openshift-v4_9-chrony-units'
def from = new File(corpusDir, "variants/${name}.bu")
def to = new File(basedir, 'src/main/butane/openshift/99-master-chrony.bu')
to.parentFile.mkdirs()
to.bytes = from.bytes
new File(basedir, 'expected.yaml').bytes = new File(corpusDir, "variants/${name}.stdout").bytes
return true
