import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const vi = JSON.parse(read('../i18n/vi.json'));
const en = JSON.parse(read('../i18n/en.json'));
const bundle = (name, lang) => JSON.parse(read(`../i18n/${name}.${lang}.json`));
const PAGES = { 'index.html': [], 'district.html': ['district'], 'guide.html': [] };

test('Vietnamese and English have the same message keys', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(vi).sort());
});

test('each page bundle has the same keys in both languages, and none shadows a shared one', () => {
  for (const name of new Set(Object.values(PAGES).flat())) {
    assert.deepEqual(Object.keys(bundle(name, 'en')).sort(), Object.keys(bundle(name, 'vi')).sort(), name);
    assert.deepEqual(Object.keys(bundle(name, 'vi')).filter((k) => Object.hasOwn(vi, k)), [], name);
  }
});

test('every key named in the pages and scripts has a message', () => {
  const all = { ...vi, ...Object.assign({}, ...Object.values(PAGES).flat().map((b) => bundle(b, 'vi'))) };
  const pages = readdirSync(new URL('../', import.meta.url)).filter((f) => f.endsWith('.html')).map((f) => read(`../${f}`));
  const sources = [...pages, ...readdirSync(new URL('../js/', import.meta.url)).map((f) => read(`../js/${f}`))];
  const used = new Set();
  for (const source of sources) {
    for (const m of source.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) used.add(m[1]);
    for (const m of source.matchAll(/\bt\('([a-zA-Z.-]+)'/g)) used.add(m[1]);
  }
  const missing = [...used].filter((key) => !Object.hasOwn(all, key));
  assert.deepEqual(missing, []);
});

test('placeholders match between the languages', () => {
  const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
  for (const key of Object.keys(vi)) assert.equal(names(en[key]), names(vi[key]), key);
  for (const name of new Set(Object.values(PAGES).flat())) {
    const [bvi, ben] = [bundle(name, 'vi'), bundle(name, 'en')];
    for (const key of Object.keys(bvi)) assert.equal(names(ben[key]), names(bvi[key]), `${name}: ${key}`);
  }
});
