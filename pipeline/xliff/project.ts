import type { PipelineConfig } from '../config/defaults.ts';
import { Reporter } from '../report/messages.ts';
import { loadResources, type LoadedResources } from '../resources.ts';
import type { State } from './model.ts';
import { memoryStates } from './tmx-merge.ts';
import { readTextResource } from '../util/text-resource.ts';

/** Runs `work` with the project's memories, glossaries and catalogs loaded, and always releases them. */
export async function withResources<T>(config: PipelineConfig, work: (resources: LoadedResources) => Promise<T>): Promise<T> {
  const resources = await loadResources(config, new Reporter('pressroom.config.json'));
  try {
    return await work(resources);
  } finally {
    await resources.close();
  }
}

/** The state the memories recorded for each `locale` translation of a `sourceLang` source (default: the config's), keyed by source (see tmx-merge). */
export async function recordedStates(
  config: PipelineConfig,
  locale: string,
  sourceLang: string = config.sourceLocale,
): Promise<Map<string, { text: string; state: State }>> {
  const states = new Map<string, { text: string; state: State }>();
  for (const file of config.memories) {
    // memoQ and Trados export memories in UTF-16: decoded as the build reads them.
    const text = await readTextResource(file, file, 'the translation memory');
    for (const [key, value] of memoryStates(text, sourceLang, locale)) states.set(key, value);
  }
  return states;
}
