import java.util.zip.ZipFile

def names(File f) {
    def z = new ZipFile(f)
    try { return z.entries().collect { it.name }.findAll { !it.endsWith('/') } as Set } finally { z.close() }
}
def text(File f, String name) {
    def z = new ZipFile(f)
    try { return z.getInputStream(z.getEntry(name)).getText('UTF-8') } finally { z.close() }
}

def jar = new File(basedir, 'target/attach-outputs-1.0.jar')
assert names(jar).containsAll(['ignition/hosts/web.ign', 'ignition/hosts/db.ign'])
assert text(jar, 'ignition/hosts/web.ign').startsWith('{"ignition":{"version":"3.5.0"}')

def zip = new File(basedir, 'target/attach-outputs-1.0-ignition.zip')
assert names(zip) == ['hosts/db.ign', 'hosts/web.ign'] as Set
assert text(zip, 'hosts/web.ign') == new File(basedir, 'target/ignition/hosts/web.ign').getText('UTF-8')
def z = new ZipFile(zip)
try {
    // reproducible: dated project.build.outputTimestamp, not the clock
    z.entries().each { assert it.lastModifiedTime.toInstant().toString() == '2026-01-01T00:00:00Z' }
} finally { z.close() }

// installed next to the jar, so other builds can depend on dev.kindling.it:attach-outputs:zip:ignition:1.0
def installed = new File(localRepositoryPath, 'dev/kindling/it/attach-outputs/1.0')
assert new File(installed, 'attach-outputs-1.0-ignition.zip').bytes == zip.bytes
assert new File(installed, 'attach-outputs-1.0.jar').isFile()
return true
