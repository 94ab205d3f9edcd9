/** The innovation prize, built from the cases' `awards`: years, categories, winners and nominees. */
import { AWARD_CATEGORIES, getAwardCategoryTitle } from '../../content-schemas/constants.ts';

/** What the prize needs from a case. */
export interface AwardedCase {
  id: string;
  title: string;
  href: string;
  language: string;
  awards: readonly { year: number; category: string; result: 'winner' | 'nominee' }[];
}

/** One category of one year's prize. */
export interface PrizeCategory<T extends AwardedCase> {
  category: string;
  title: string;
  winners: T[];
  nominees: T[];
}

/** Returns every year any case won or was nominated, newest first. */
export function getPrizeYears(cases: readonly AwardedCase[]): number[] {
  const years = new Set(cases.flatMap((item) => item.awards.map((award) => award.year)));
  return [...years].sort((a, b) => b - a);
}

/** Groups one year's awards by category: the known categories in their order, then free text A–Å. */
export function groupPrize<T extends AwardedCase>(
  cases: readonly T[],
  year: number,
): PrizeCategory<T>[] {
  const byCategory = new Map<string, PrizeCategory<T>>();
  for (const item of cases) {
    for (const award of item.awards) {
      if (award.year !== year) continue;
      let group = byCategory.get(award.category);
      if (!group) {
        group = {
          category: award.category,
          title: getAwardCategoryTitle(award.category),
          winners: [],
          nominees: [],
        };
        byCategory.set(award.category, group);
      }
      const list = award.result === 'winner' ? group.winners : group.nominees;
      if (!list.includes(item)) list.push(item);
    }
  }
  const known: string[] = AWARD_CATEGORIES.map((category) => category.value);
  const rank = (category: string) => {
    const index = known.indexOf(category);
    return index === -1 ? known.length : index;
  };
  const byTitle = (a: T, b: T) => a.title.localeCompare(b.title, 'nb');
  return [...byCategory.values()]
    .sort((a, b) => rank(a.category) - rank(b.category) || a.title.localeCompare(b.title, 'nb'))
    .map((group) => ({
      ...group,
      winners: group.winners.sort(byTitle),
      nominees: group.nominees.sort(byTitle),
    }));
}
