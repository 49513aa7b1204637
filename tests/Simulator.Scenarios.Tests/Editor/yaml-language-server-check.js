// Runs the YAML language server's own validation (what VS Code's YAML extension runs) on scenario files
// against the scenario schema, and asks it to complete a workload's kind. Prints one JSON object.
// Usage: node yaml-language-server-check.js <schema.json> <file.yaml>...
// yaml-language-server is found where `npm install -g` puts it (`./sim test` installs it).
'use strict';
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const globalRoot = execSync('npm root -g', { encoding: 'utf8' }).trim();
const serverDir = path.join(globalRoot, 'yaml-language-server');
const load = name => require(require.resolve(name, { paths: [serverDir, globalRoot] }));
const { getLanguageService } = load('yaml-language-server/lib/umd/languageservice/yamlLanguageService');
const { TextDocument } = load('vscode-languageserver-textdocument');
const { URI } = load('vscode-uri');

const [schemaPath, ...files] = process.argv.slice(2);
const schemaUri = URI.file(path.resolve(schemaPath)).toString();
const service = getLanguageService({
  schemaRequestService: uri => Promise.resolve(fs.readFileSync(URI.parse(uri).fsPath, 'utf8')),
  workspaceContext: { resolveRelativePath: (relative, resource) => URI.file(path.resolve(path.dirname(URI.parse(resource).fsPath), relative)).toString() },
});
service.configure({ validate: true, completion: true, hover: true, schemas: [{ uri: schemaUri, fileMatch: ['*.yaml'] }] });

// The files' own modeline points at the schema relative to where they live in the repository, not here.
const withoutModeline = text => text.replace(/^# yaml-language-server: \$schema=.*\n/, '');

(async () => {
  const results = [];
  for (const file of files) {
    const document = TextDocument.create(URI.file(path.resolve(file)).toString(), 'yaml', 1, withoutModeline(fs.readFileSync(file, 'utf8')));
    const diagnostics = await service.doValidation(document, false);
    results.push({
      file,
      diagnostics: diagnostics.filter(d => d.severity === 1 || d.severity === 2)
        .map(d => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: d.message })),
    });
  }

  const text = 'name: x\nduration: 1m\nworkloads:\n  - kind: \n';
  const completion = await service.doComplete(TextDocument.create('file:///completion.yaml', 'yaml', 1, text), { line: 3, character: 10 }, false);
  process.stdout.write(JSON.stringify({ server: load('yaml-language-server/package.json').version, results, kindCompletion: completion.items.map(i => i.label) }));
})().catch(error => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
