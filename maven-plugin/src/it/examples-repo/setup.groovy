// Build the repository's examples/ folder as it is: copy it here (without anything built).
import java.nio.file.*

Path from = Paths.get(examplesDir)
Path to = basedir.toPath()
Files.walk(from).filter { p -> !from.relativize(p).toString().startsWith('target') }.each { Path p ->
    Path target = to.resolve(from.relativize(p).toString())
    if (Files.isDirectory(p)) {
        Files.createDirectories(target)
    } else {
        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES)
    }
}
return true
