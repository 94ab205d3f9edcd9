/**
 * The nomination form's fields and their checks, in one place: the form page renders its
 * inputs from `NOMINATION_FIELDS`, and the service checks a POST with `checkNomination`,
 * so the labels, names, limits and Norwegian error messages cannot drift apart. Limits come
 * from the Studio's schema (content-schemas/prize-nomination.ts). Pure.
 */
import { AWARD_CATEGORIES } from '../../content-schemas/constants.ts';
import { NOMINATION_LIMITS } from '../../content-schemas/prize-nomination.ts';

/** One input of the form. */
export interface NominationField {
  /** The form control's `name`. */
  name: NominationFieldName;
  /** The element's `id`, which the error summary links to. */
  id: string;
  label: string;
  /** Help shown under the label (linked with `aria-describedby`). */
  hint?: string;
  kind: 'text' | 'email' | 'textarea' | 'select' | 'checkbox';
  required: boolean;
  maxLength?: number;
  /** `autocomplete` token for the nominator's own details (WCAG 1.3.5). */
  autocomplete?: string;
}

/** The names the form posts. */
export type NominationFieldName =
  | 'title'
  | 'need'
  | 'achieved'
  | 'serviceArea'
  | 'category'
  | 'name'
  | 'email'
  | 'unit'
  | 'consent';

/** The hidden field a person never fills in; a bot that fills every field gives itself away. */
export const HONEYPOT_FIELD = 'nettsted';
/** The hidden field with the signed time the form was served (see nomination-token.ts). */
export const TOKEN_FIELD = 'skjema';

/** The form's fields in the order shown; the first three describe the initiative. */
export const NOMINATION_FIELDS: readonly NominationField[] = [
  {
    name: 'title',
    id: 'nominasjon-tittel',
    label: 'Navn på initiativet',
    kind: 'text',
    required: true,
    maxLength: NOMINATION_LIMITS.titleMax,
  },
  {
    name: 'need',
    id: 'nominasjon-behov',
    label: 'Hvilket behov svarer det på?',
    hint: 'Hvem hadde behovet, og hva var vanskelig før?',
    kind: 'textarea',
    required: true,
    maxLength: NOMINATION_LIMITS.needMax,
  },
  {
    name: 'achieved',
    id: 'nominasjon-resultat',
    label: 'Hva har det oppnådd?',
    hint: 'Resultater, gjerne med tall, eller hva dere lærte av det som ikke virket.',
    kind: 'textarea',
    required: true,
    maxLength: NOMINATION_LIMITS.achievedMax,
  },
  {
    name: 'serviceArea',
    id: 'nominasjon-tjenesteomrade',
    label: 'Tjenesteområde',
    kind: 'select',
    required: true,
  },
  {
    name: 'category',
    id: 'nominasjon-kategori',
    label: 'Priskategori',
    kind: 'select',
    required: true,
  },
  {
    name: 'name',
    id: 'nominasjon-navn',
    label: 'Ditt navn',
    kind: 'text',
    required: true,
    maxLength: NOMINATION_LIMITS.nameMax,
    autocomplete: 'name',
  },
  {
    name: 'email',
    id: 'nominasjon-epost',
    label: 'Din e-postadresse',
    kind: 'email',
    required: true,
    maxLength: NOMINATION_LIMITS.emailMax,
    autocomplete: 'email',
  },
  {
    name: 'unit',
    id: 'nominasjon-enhet',
    label: 'Din enhet',
    hint: 'For eksempel «Helse og omsorg, Hjemmetjenesten vest».',
    kind: 'text',
    required: true,
    maxLength: NOMINATION_LIMITS.unitMax,
    autocomplete: 'organization',
  },
  {
    name: 'consent',
    id: 'nominasjon-samtykke',
    label: 'Juryen kan kontakte meg om nominasjonen',
    kind: 'checkbox',
    required: false,
  },
];

/** The category choices, from the prize's shared list. */
export const CATEGORY_OPTIONS = AWARD_CATEGORIES.map(({ value, title }) => ({ value, title }));

/** A checked nomination, as the form gave it (text exactly as typed, trimmed at the ends). */
export interface NominationInput {
  title: string;
  need: string;
  achieved: string;
  serviceArea: string;
  category: string;
  name: string;
  email: string;
  unit: string;
  consent: boolean;
}

/** One problem with a field, in the words shown to the person who filled in the form. */
export interface FieldError {
  field: NominationFieldName;
  message: string;
}

/** What the form posted, by name; a name posted twice counts as its first value. */
export type FormValues = ReadonlyMap<string, string>;

/** A deliberately plain e-mail check (one @, a dot in the domain, no spaces), as browsers do. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const MISSING: Record<NominationFieldName, string> = {
  title: 'Skriv navnet på initiativet.',
  need: 'Beskriv behovet initiativet svarer på.',
  achieved: 'Beskriv hva initiativet har oppnådd.',
  serviceArea: 'Velg tjenesteområdet initiativet hører til.',
  category: 'Velg en priskategori.',
  name: 'Skriv navnet ditt.',
  email: 'Skriv e-postadressen din.',
  unit: 'Skriv hvilken enhet du jobber i.',
  consent: '',
};

/** Characters a person cannot type into a form and that would only confuse the jury. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Checks posted values: every field present and within its limits, the e-mail plausible,
 * the category one of the prize's and the service area one the site has (`serviceAreas`,
 * their ids). Returns the nomination or the problems in the form's order.
 */
export function checkNomination(
  values: FormValues,
  serviceAreas: ReadonlySet<string>,
): { ok: true; nomination: NominationInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (field: NominationField): string => {
    const value = (values.get(field.name) ?? '').replace(/\r\n/g, '\n').trim();
    if (field.kind === 'checkbox') return value;
    if (field.required && value === '') {
      errors.push({ field: field.name, message: MISSING[field.name] });
    } else if (field.maxLength !== undefined && [...value].length > field.maxLength) {
      errors.push({
        field: field.name,
        message: `${field.label} kan ha høyst ${field.maxLength} tegn (du skrev ${[...value].length}). Kort ned teksten.`,
      });
    } else if (CONTROL.test(value)) {
      errors.push({
        field: field.name,
        message: `${field.label} inneholder tegn som ikke kan lagres. Skriv teksten på nytt.`,
      });
    } else if (
      (field.name === 'need' || field.name === 'achieved') &&
      [...value].length < NOMINATION_LIMITS.textMin
    ) {
      errors.push({
        field: field.name,
        message: `Skriv litt mer under «${field.label}» (minst ${NOMINATION_LIMITS.textMin} tegn), så juryen forstår hva det gjelder.`,
      });
    }
    return value;
  };
  const read = Object.fromEntries(
    NOMINATION_FIELDS.map((field) => [field.name, text(field)]),
  ) as Record<NominationFieldName, string>;
  const failed = new Set(errors.map((error) => error.field));
  if (!failed.has('email') && !EMAIL.test(read.email)) {
    errors.push({
      field: 'email',
      message: 'Skriv en gyldig e-postadresse, for eksempel ola.nordmann@kommune.no.',
    });
  }
  if (!failed.has('serviceArea') && !serviceAreas.has(read.serviceArea)) {
    errors.push({ field: 'serviceArea', message: 'Velg et tjenesteområde fra listen.' });
  }
  if (
    !failed.has('category') &&
    !CATEGORY_OPTIONS.some((option) => option.value === read.category)
  ) {
    errors.push({
      field: 'category',
      message: `Velg en av kategoriene ${CATEGORY_OPTIONS.map((option) => `«${option.title}»`).join(', ')}.`,
    });
  }
  if (errors.length > 0) {
    const order = NOMINATION_FIELDS.map((field) => field.name);
    errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    return { ok: false, errors };
  }
  return {
    ok: true,
    nomination: { ...read, consent: read.consent === 'ja' },
  };
}
