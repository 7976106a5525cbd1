// Builds the explorer into dist/, which package web embeds in the geokg
// binary. Run it through `make ui` (npm ci first). The output is
// deterministic: the same sources and lockfile give the same bytes, so CI
// can rebuild and compare, and dist/SOURCES records a hash of the inputs
// that web's Go test recomputes without npm.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const out = resolve(process.argv[2] ?? join(here, 'dist'));

// The inputs of the build, as web/sources_test.go lists them too.
export function sourceFiles() {
  const files = ['build.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
  const walk = (dir) => {
    for (const name of readdirSync(join(here, dir))) {
      const p = `${dir}/${name}`;
      if (statSync(join(here, p)).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk('src');
  return files.sort();
}

// sha256 over "path\nsha256(content)\n" for each input, in byte order of path.
export function sourceHash() {
  const h = createHash('sha256');
  for (const f of sourceFiles()) {
    const c = createHash('sha256').update(readFileSync(join(here, f))).digest('hex');
    h.update(`${f}\n${c}\n`);
  }
  return h.digest('hex');
}

// An output path (relative to web/) as the page refers to it.
const asset = (p) => 'assets/' + relative(join(out, 'assets'), join(here, p));

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: !process.env.NOMINIFY,
  sourcemap: false,
  legalComments: 'linked', // third-party licence notices in assets/*.LEGAL.txt
  outdir: join(out, 'assets'),
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
  metafile: true,
  logLevel: 'warning',
};

// GraphiQL's stylesheet (400 KiB, most of it its fonts) is a separate file
// that the editor chunk links when it loads: esbuild would otherwise put it
// in the first page's CSS, since it cannot load CSS lazily by itself.
const editorCSS = await esbuild.build({ ...common, entryPoints: ['src/editor.css'] });
const editorCSSPath = Object.keys(editorCSS.metafile.outputs).find((p) => p.endsWith('.css'));

const result = await esbuild.build({
  ...common,
  absWorkingDir: here,
  entryPoints: ['src/main.tsx'],
  splitting: true, // the GraphQL editor is its own chunk, loaded when its tab opens
  format: 'esm',
  target: ['es2022'],
  chunkNames: 'chunk-[hash]',
  define: {
    'process.env.NODE_ENV': '"production"',
    EDITOR_CSS: JSON.stringify(asset(editorCSSPath)),
  },
});

const outputs = [...Object.entries(editorCSS.metafile.outputs), ...Object.entries(result.metafile.outputs)];
const entry = outputs.find(([, o]) => o.entryPoint === 'src/main.tsx');
const js = asset(entry[0]);
const css = entry[1].cssBundle ? asset(entry[1].cssBundle) : null;

const html = readFileSync(join(here, 'src/index.html'), 'utf8')
  .replace('<!--css-->', css ? `<link rel="stylesheet" href="${css}">` : '')
  .replace('<!--js-->', `<script type="module" src="${js}"></script>`);
writeFileSync(join(out, 'index.html'), html);
writeFileSync(join(out, 'SOURCES'), `sha256 ${sourceHash()}\n`);

let total = 0;
const rows = outputs.map(([p, o]) => { total += o.bytes; return [relative(out, join(here, p)), o.bytes]; });
rows.sort((a, b) => b[1] - a[1]);
for (const [p, b] of rows) console.log(`${(b / 1024).toFixed(0).padStart(7)} KiB  ${p}`);
console.log(`${(total / 1024).toFixed(0).padStart(7)} KiB  total in ${relative(here, out) || '.'}`);
