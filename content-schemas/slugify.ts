/** Norwegian-aware slugs: the Studio's "Generer" button and the dataset tooling share this. */
import { LIMITS } from './validation.ts';

const REPLACEMENTS: Readonly<Record<string, string>> = { æ: 'ae', ø: 'o', å: 'a', ß: 'ss' };

/** Turns a title into a URL slug: `Årets innovasjon – Stjæl med stil!` → `arets-innovasjon-stjael-med-stil`. */
export function slugify(input: string): string {
  return input
    .toLocaleLowerCase('nb')
    .replace(/[æøåß]/g, (letter) => REPLACEMENTS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.slugMax)
    .replace(/-+$/, '');
}
