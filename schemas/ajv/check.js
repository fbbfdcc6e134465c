// Checks every committed schema the way SchemaStore does: Ajv (draft-07) in full strict mode,
// with ajv-formats. Any strict-mode complaint (union types, undeclared required properties,
// keywords without their type, ignored keywords, ...) makes compilation throw. Then the umbrella
// schema is tried on a few documents, to prove that it selects each config's own spec.
//
// Usage (from the repository root): npm ci --prefix schemas/ajv && node schemas/ajv/check.js
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const root = path.resolve(__dirname, '..');
const files = ['butane.json'];
for (const dir of ['butane', 'ignition']) {
  for (const f of fs.readdirSync(path.join(root, dir)).sort()) {
    if (f.endsWith('.json')) {
      files.push(dir + '/' + f);
    }
  }
}

const ajv = new Ajv({ strict: true });
addFormats(ajv);
const schemas = files.map((f) => [f, JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'))]);
let failed = 0;
for (const [f, s] of schemas) {
  if (s.$schema !== 'http://json-schema.org/draft-07/schema#') {
    console.error(`${f}: $schema is ${s.$schema}, not draft-07`);
    failed++;
  }
  ajv.addSchema(s);
}
for (const [f, s] of schemas) {
  try {
    ajv.getSchema(s.$id);
  } catch (e) {
    console.error(`${f}: ${e.message}`);
    failed++;
  }
}

const umbrella = ajv.getSchema('https://kindling.dev/schemas/butane.json');
const labels = { 'machineconfiguration.openshift.io/role': 'worker' };
const cases = [
  [true, { variant: 'fcos', version: '1.7.0', storage: { trees: [{ local: 't', file_mode: 420 }] } }],
  [false, { variant: 'fcos', version: '1.6.0', storage: { trees: [{ local: 't', file_mode: 420 }] } }],
  [true, { variant: 'openshift', version: '4.18.0', metadata: { name: 'a', labels } }],
  [false, { variant: 'openshift', version: '4.18.0' }],
  [false, { variant: 'fcos', version: '9.9.9' }],
  [false, { variant: 'nosuch', version: '1.0.0' }],
  [true, { variant: 'flatcar', version: '1.1.0', passwd: { users: [{ name: 'core', uid: 1000 }] } }],
  [false, { variant: 'flatcar', version: '1.1.0', passwd: { users: [{ name: 'core', uid: 'x' }] } }],
];
for (const [valid, doc] of cases) {
  if (umbrella(doc) !== valid) {
    console.error(`butane.json: ${JSON.stringify(doc)} should be ${valid ? 'valid' : 'invalid'}`
      + (umbrella.errors ? ': ' + JSON.stringify(umbrella.errors) : ''));
    failed++;
  }
}

if (failed > 0) {
  console.error(`Ajv strict check: ${failed} problem(s)`);
  process.exit(1);
}
console.log(`Ajv strict check: ${files.length} schemas compile in strict mode (draft-07);`
  + ` the umbrella schema selects each document's spec (${cases.length} documents)`);
