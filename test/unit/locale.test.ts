import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { resolveLocales } from '../../pipeline/locale/resolve.ts';

test('resolveLocales walks the tag, then fallbackLng as string, list or per-locale object', () => {
  assert.deepEqual(resolveLocales('de-CH', 'en'), ['de-CH', 'de', 'en']);
  assert.deepEqual(resolveLocales('ky', ['ru', 'en']), ['ky', 'ru', 'en']);
  assert.deepEqual(resolveLocales('ky-KG', { ky: ['ru'], default: ['en'] }), ['ky-KG', 'ky', 'ru']);
  assert.deepEqual(resolveLocales('fr', { ky: ['ru'], default: ['en'] }), ['fr', 'en']);
  assert.deepEqual(resolveLocales('en', 'en'), ['en']);
});

// The project's catalogs, and the right-to-left fixture's (Arabic needs all six categories).
const roots = [new URL('../../locales/', import.meta.url), new URL('../fixtures/rtl/locales/', import.meta.url)];
const flatten = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key))
    : [prefix];

for (const catalogs of roots)
  for (const lng of readdirSync(catalogs).filter((name) => !name.includes('.'))) {
    test(`UI catalog ${lng} (${catalogs.href.includes('/fixtures/') ? 'test/fixtures/rtl/locales' : 'locales'}): every plural key has each category Intl.PluralRules gives, and no key is missing against en`, () => {
      const keys = flatten(JSON.parse(readFileSync(new URL(`${lng}/ui.json`, catalogs), 'utf8')));
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      const plurals = new Set(keys.filter((key) => /_(zero|one|two|few|many|other)$/.test(key)).map((key) => key.replace(/_[a-z]+$/, '')));
      for (const base of plurals)
        for (const category of categories) assert.ok(keys.includes(`${base}_${category}`), `${lng}: ${base}_${category} missing`);
      const english = flatten(JSON.parse(readFileSync(new URL('en/ui.json', catalogs), 'utf8'))).map((key) =>
        key.replace(/_(zero|one|two|few|many|other)$/, ''),
      );
      const own = new Set(keys.map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')));
      for (const key of english) assert.ok(own.has(key), `${lng}: ${key} missing`);
    });
  }

test('the plural check covers en, ru, ky and the fixture’s ar, and ar needs six categories', () => {
  const languages = roots.flatMap((catalogs) => readdirSync(catalogs).filter((name) => !name.includes('.')));
  for (const lng of ['en', 'ru', 'ky', 'ar']) assert.ok(languages.includes(lng), `${lng} catalog not found`);
  assert.equal(new Intl.PluralRules('ar').resolvedOptions().pluralCategories.length, 6);
});
