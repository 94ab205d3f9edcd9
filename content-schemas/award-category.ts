/**
 * `awardCategory`: the innovation prize category of an award – one of the prize's own
 * categories, or free text for any other prize. A named string type, so the Studio can give
 * it an input with the categories as one-click choices (see studio/award-category-input.tsx).
 */
import { defineType } from 'sanity';
import { AWARD_CATEGORIES } from './constants.ts';
import { checkAwardCategory, suggestAwardCategory, toValidationResult } from './validation.ts';

/** The award category string type. */
export const awardCategory = defineType({
  name: 'awardCategory',
  title: 'Kategori',
  type: 'string',
  description: `Velg en av innovasjonsprisens kategorier (${AWARD_CATEGORIES.map((category) => category.title).join(', ')}), eller skriv navnet på en annen pris.`,
  validation: (rule) => [
    rule.required().error('Velg eller skriv en kategori.'),
    rule.custom((value) => toValidationResult(checkAwardCategory(value))),
    rule.custom((value) => toValidationResult(suggestAwardCategory(value))).warning(),
  ],
});
