// web.bu is a realistic case of the conformance corpus with a local file: copy it and its
// files folder in, and keep what the real Butane v0.29.0 wrote for it.
import java.nio.file.*

def name = 'storage/v1_6-realistic-nas'
def web = new File(basedir, 'src/main/butane/hosts/web.bu')
web.parentFile.mkdirs()
web.bytes = new File(corpusDir, "${name}.bu").bytes
new File(basedir, 'expected-web.ign').bytes = new File(corpusDir, "${name}.stdout").bytes

Path from = Paths.get(corpusDir, "${name}.d")
Path to = basedir.toPath().resolve('src/main/butane/files')
Files.walk(from).each { Path p ->
    Path target = to.resolve(from.relativize(p).toString())
    if (Files.isDirectory(p)) {
        Files.createDirectories(target)
    } else {
        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING)
    }
}
return true
