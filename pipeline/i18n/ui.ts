import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type Resource } from 'i18next';
import { resolveLocales, type FallbackLng } from '../locale/resolve.ts';
import { parseJsonFile } from '../util/json.ts';
import { readUtf8 } from '../util/utf8.ts';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface MissingKey {
  lng: string;
  key: string;
}

/** pressroom's own UI strings, locales/<lng>/ui.json: beside pipeline/ in a checkout, copied into dist/ by the build. */
export const BUILT_IN_CATALOGS = fileURLToPath(new URL('../../locales/', import.meta.url));

/**
 * Reads every locales/<lng>/<ns>.json catalog; `*.missing.json` files are reports, not catalogs. A project
 * with no such folder (`npx pressroom build` in a fresh project) gets the UI strings pressroom ships.
 */
export async function loadCatalogs(folder: string): Promise<Resource> {
  const resources: Resource = {};
  const languages = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT' || folder === BUILT_IN_CATALOGS) throw error;
    return undefined;
  });
  if (!languages) return loadCatalogs(BUILT_IN_CATALOGS);
  for (const lng of languages) {
    if (!lng.isDirectory()) continue;
    for (const name of await readdir(path.join(folder, lng.name))) {
      if (!name.endsWith('.json') || name.endsWith('.missing.json')) continue;
      const file = path.join(folder, lng.name, name);
      const text = await readUtf8(file, file, 'the UI catalog');
      const catalog = parseJsonFile(text, file, 'a UI catalog');
      (resources[lng.name] ??= {})[name.slice(0, -'.json'.length)] = catalog as Record<string, string>;
    }
  }
  return resources;
}

/**
 * One i18next instance per locale, with the same fallback chain as the TM and the glossary. Values are
 * not HTML-escaped here: templates build hast, and hast escapes on serialisation.
 */
export async function createTranslator(
  lng: string,
  resources: Resource,
  fallbackLng: FallbackLng,
  missing: MissingKey[],
): Promise<Translate> {
  const chain = resolveLocales(lng, fallbackLng);
  const instance: i18n = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: chain.slice(1),
    resources,
    ns: ['ui'],
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
    returnNull: false,
    // i18next 27 (Node 22+) changed this default to false; an empty string in a catalog stays empty in both.
    returnEmptyString: true,
    saveMissing: true,
    missingKeyHandler: (lngs, _ns, key) => {
      for (const missingLng of lngs)
        if (!missing.some((item) => item.key === key && item.lng === missingLng)) missing.push({ lng: missingLng, key });
    },
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  return (key, options) => instance.t(key, options ?? {}) as string;
}
