// The interface's catalogues: every language says everything English says, in the same shape,
// so that adding a language is one file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';

const dir = new URL('../../www/i18n/', import.meta.url);
const shape = (value, path = '') =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([k, v]) => (path.startsWith('count.') ? [`${path}`] : shape(v, path ? `${path}.${k}` : k)))
    : [Array.isArray(value) ? `${path}[${value.length}]` : path];

test('every catalogue has the keys, placeholders and list lengths of the English one', async () => {
  const english = (await import(new URL('en.js', dir))).default;
  const want = [...new Set(shape(english))].sort();
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  assert.ok(files.length >= 2);
  for (const file of files) {
    const words = (await import(new URL(file, dir))).default;
    assert.deepEqual([...new Set(shape(words))].sort(), want, `${file} has the same keys`);
    assert.ok(['ltr', 'rtl'].includes(words.dir));
    for (const key of Object.keys(english).filter((k) => typeof english[k] === 'string')) {
      const holes = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(holes(words[key]), holes(english[key]), `${file}: ${key} fills the same placeholders`);
    }
    for (const forms of Object.values(words.count)) assert.ok(forms.other.includes('{n}') || file === 'ar.js', `${file}: plural "other" shows the number`);
  }
});
