// Parses Herald's AsyncAPI documents with @asyncapi/parser (the AsyncAPI Initiative's own parser,
// which validates against the AsyncAPI 3.0 JSON Schema and runs the Spectral rules of the spec).
//
//   node src/test/asyncapi/validate.mjs [directory] [product ...]
//
// directory: where the <product>.yaml files are (default src/main/resources/asyncapi);
// products: which documents must be there (default: every .yaml file of the directory).
// Prints every diagnostic (errors first) and exits 1 when any document is missing, is not
// AsyncAPI 3.0.0, or has a diagnostic of severity error; 0 otherwise. Warnings do not fail.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const SEVERITY = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };

const [dirArg, ...productArgs] = process.argv.slice(2);
const dir = path.resolve(dirArg ?? 'src/main/resources/asyncapi');
const products = productArgs.length > 0
    ? productArgs
    : (await readdir(dir)).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();

const parser = new Parser();
let failed = 0;

if (products.length === 0) {
    console.error(`no AsyncAPI documents in ${dir}`);
    process.exit(1);
}

for (const product of products) {
    const file = path.join(dir, `${product}.yaml`);
    let text;
    try {
        text = await readFile(file, 'utf8');
    } catch (e) {
        console.error(`${product}.yaml: missing (${e.code ?? e.message})`);
        failed++;
        continue;
    }
    const { document, diagnostics } = await parser.parse(text, { source: file });
    const sorted = [...diagnostics].sort((a, b) => a.severity - b.severity);
    const errors = sorted.filter((d) => d.severity === DiagnosticSeverity.Error);
    // info and hints (such as "a newer AsyncAPI version exists") are not printed
    for (const d of sorted.filter((x) => x.severity <= DiagnosticSeverity.Warning)) {
        const at = d.range ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : '-';
        const where = d.path && d.path.length > 0 ? ` at ${d.path.join('.')}` : '';
        console.log(`${product}.yaml:${at} ${SEVERITY[d.severity] ?? d.severity} ${d.code}: ${d.message}${where}`);
    }
    if (document === undefined || errors.length > 0) {
        console.error(`${product}.yaml: INVALID (${errors.length} error(s))`);
        failed++;
        continue;
    }
    const version = document.version();
    if (version !== '3.0.0') {
        console.error(`${product}.yaml: INVALID (asyncapi ${version}, expected 3.0.0)`);
        failed++;
        continue;
    }
    console.log(`${product}.yaml: valid AsyncAPI ${version}, ${document.channels().length} channel(s), `
        + `${document.operations().length} operation(s), ${document.components().messages().length} component message(s)`);
}

process.exit(failed > 0 ? 1 : 0);
