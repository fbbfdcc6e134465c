// check writes its report (SARIF, then JSON) before failing the build on the error.
import groovy.json.JsonSlurper

def sarifFile = new File(basedir, 'target/kindling-report.sarif')
assert sarifFile.isFile() : 'no SARIF report'
def sarif = new JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'Kindling'
assert run.tool.driver.rules*.id.containsAll(['path-not-absolute', 'unused-key'])
def results = run.results
assert results.size() == 2 : "expected two results: ${results}"
def byLevel = results.collectEntries { [(it.level): it] }
def error = byLevel['error']
assert error.ruleId == 'path-not-absolute'
assert error.locations[0].physicalLocation.artifactLocation.uri.endsWith('src/main/butane/hosts/web.bu')
assert error.locations[0].physicalLocation.region.startLine == 5
assert error.locations[0].physicalLocation.region.startColumn == 13
def warning = byLevel['warning']
assert warning.ruleId == 'unused-key'
assert warning.locations[0].physicalLocation.region.startLine == 6
assert warning.locations[0].physicalLocation.region.startColumn == 7

def jsonFile = new File(basedir, 'target/lint/problems.json')
assert jsonFile.isFile() : 'no JSON report at the configured reportFile'
def problems = new JsonSlurper().parse(jsonFile)
assert problems.size() == 2
def e = problems.find { it.severity == 'error' }
assert e.file.endsWith('src/main/butane/hosts/web.bu')
assert e.code == 'path-not-absolute' && e.path == '$.storage.files.0.path' && e.line == 5 && e.column == 13

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Kindling report (sarif)')
assert log.contains('Kindling report (json)')
return true
