/**
 * Images with alternative text. The field stays Sanity's own `image` type, so stored values
 * keep `_type: "image"` as Sanity stores images (docs/content-model.md#documents-as-stored); only the sub-fields are ours.
 */
import { defineField } from 'sanity';
import { checkImageAlt, toValidationResult } from './validation.ts';

/** The `alt` sub-field: required as soon as the image holds a picture. */
export function defineAltField(options: { required: boolean }) {
  return defineField({
    name: 'alt',
    title: 'Alternativ tekst',
    type: 'string',
    description: options.required
      ? 'Beskriv hva bildet viser, for dem som bruker skjermleser. Påkrevd når det er et bilde. Ikke start med «Bilde av».'
      : 'Beskriv hva bildet viser, for dem som bruker skjermleser. Står den tom, brukes navnet.',
    validation: (rule) =>
      options.required
        ? rule.custom((_alt, context) => toValidationResult(checkImageAlt(context.parent)))
        : rule,
  });
}

/** The `caption` sub-field shown under an image. */
export function defineCaptionField() {
  return defineField({
    name: 'caption',
    title: 'Bildetekst',
    type: 'string',
    description: 'Vises under bildet. Valgfri.',
  });
}

/** The `credit` sub-field: who took or owns the picture. */
export function defineCreditField() {
  return defineField({
    name: 'credit',
    title: 'Kreditering',
    type: 'string',
    description: 'Fotograf eller rettighetshaver, f.eks. «Foto: Kari Nordmann».',
  });
}

/** The shared `mainImage` field: image with `alt` (required when set), `caption` and `credit`. */
export function defineMainImageField(group?: string) {
  return defineField({
    name: 'mainImage',
    title: 'Hovedbilde',
    type: 'image',
    description:
      'Vises øverst og i lister, feeds og delinger. Velg utsnitt (hotspot) så bildet beskjæres pent.',
    options: { hotspot: true },
    fields: [defineAltField({ required: true }), defineCaptionField(), defineCreditField()],
    ...(group === undefined ? {} : { group }),
  });
}
