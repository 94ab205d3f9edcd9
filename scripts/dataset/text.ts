/**
 * Word banks and a seeded text generator for bokmål, nynorsk and English. Sentences are
 * built from templates and Norwegian-style compound nouns, so a large dataset has the
 * many distinct words that a real archive gives a search index.
 */
import type { Random } from './random.ts';

/** The languages a document can be written in (docs/content-model.md). */
export type Language = 'nb' | 'nn' | 'en';

interface WordBank {
  determiners: readonly string[];
  adjectives: readonly string[];
  nounHeads: readonly string[];
  nounTails: readonly string[];
  verbs: readonly string[];
  prepositions: readonly string[];
  connectors: readonly string[];
  headings: readonly string[];
}

const NB: WordBank = {
  determiners: ['den', 'en', 'et', 'vår', 'hele', 'hver', 'denne', 'flere', 'noen', 'alle'],
  adjectives: [
    'ny',
    'trygg',
    'enkel',
    'digital',
    'felles',
    'lokal',
    'bedre',
    'rask',
    'åpen',
    'viktig',
    'konkret',
    'nyttig',
    'kommunal',
    'lærerik',
    'fleksibel',
    'bærekraftig',
    'helhetlig',
    'modig',
    'praktisk',
    'stille',
    'sterk',
    'liten',
    'stor',
    'tydelig',
    'varig',
  ],
  nounHeads: [
    'velferd',
    'skole',
    'helse',
    'barne',
    'ungdoms',
    'bolig',
    'nabo',
    'tjeneste',
    'innbygger',
    'data',
    'klima',
    'energi',
    'mat',
    'omsorg',
    'hjemme',
    'lese',
    'sykkel',
    'park',
    'vann',
    'avfall',
    'bibliotek',
    'kultur',
    'frivillig',
    'medarbeider',
    'leder',
    'prosjekt',
    'natt',
    'trygghet',
    'tids',
    'sensor',
    'app',
    'bygg',
    'vei',
    'læring',
    'samarbeids',
    'forsøks',
  ],
  nounTails: [
    'teknologi',
    'tjeneste',
    'plan',
    'team',
    'løsning',
    'metode',
    'modell',
    'arena',
    'gruppe',
    'senter',
    'verktøy',
    'ordning',
    'rutine',
    'kurs',
    'møte',
    'samtale',
    'avtale',
    'satsing',
    'prosess',
    'kartlegging',
    'erfaring',
    'gevinst',
    'tilbud',
    'kompetanse',
    'brukere',
    'data',
    'portal',
    'besøk',
    'utprøving',
    'innsikt',
    'nettverk',
    'sted',
  ],
  verbs: [
    'gir',
    'viser',
    'endrer',
    'styrker',
    'forenkler',
    'samler',
    'prøver ut',
    'måler',
    'deler',
    'bygger',
    'tester',
    'sparer',
    'åpner',
    'støtter',
    'forbedrer',
    'erstatter',
    'flytter',
    'hjelper',
    'forklarer',
    'utfordrer',
  ],
  prepositions: ['for', 'med', 'i', 'på', 'hos', 'uten', 'etter', 'mellom', 'gjennom', 'rundt'],
  connectors: ['Derfor', 'Samtidig', 'Etter hvert', 'I tillegg', 'Likevel', 'Først', 'Til slutt'],
  headings: [
    'Bakgrunn',
    'Slik gjorde vi det',
    'Hva vi lærte',
    'Veien videre',
    'Resultater',
    'Hvem var med',
    'Det som ikke virket',
    'Neste steg',
    'Erfaringer fra tjenesten',
  ],
};

const NN: WordBank = {
  determiners: ['den', 'ein', 'eit', 'vår', 'heile', 'kvar', 'denne', 'fleire', 'nokre', 'alle'],
  adjectives: [
    'ny',
    'trygg',
    'enkel',
    'digital',
    'felles',
    'lokal',
    'betre',
    'snøgg',
    'open',
    'viktig',
    'konkret',
    'nyttig',
    'kommunal',
    'lærerik',
    'fleksibel',
    'berekraftig',
    'heilskapleg',
    'modig',
    'praktisk',
    'stille',
    'sterk',
    'lita',
    'stor',
    'tydeleg',
    'varig',
  ],
  nounHeads: [
    'velferd',
    'skule',
    'helse',
    'barne',
    'ungdoms',
    'bustad',
    'nabo',
    'teneste',
    'innbyggjar',
    'data',
    'klima',
    'energi',
    'mat',
    'omsorg',
    'heime',
    'lese',
    'sykkel',
    'park',
    'vatn',
    'avfall',
    'bibliotek',
    'kultur',
    'frivillig',
    'medarbeidar',
    'leiar',
    'prosjekt',
    'natt',
  ],
  nounTails: [
    'teknologi',
    'teneste',
    'plan',
    'team',
    'løysing',
    'metode',
    'modell',
    'arena',
    'gruppe',
    'senter',
    'verktøy',
    'ordning',
    'rutine',
    'kurs',
    'møte',
    'samtale',
    'avtale',
    'satsing',
    'prosess',
    'kartlegging',
    'erfaring',
    'vinst',
    'tilbod',
    'kompetanse',
    'brukarar',
  ],
  verbs: [
    'gjev',
    'viser',
    'endrar',
    'styrkjer',
    'forenklar',
    'samlar',
    'prøver ut',
    'måler',
    'deler',
    'byggjer',
    'testar',
    'sparar',
    'opnar',
    'støttar',
    'forbetrar',
    'erstattar',
    'hjelper',
  ],
  prepositions: ['for', 'med', 'i', 'på', 'hjå', 'utan', 'etter', 'mellom', 'gjennom', 'rundt'],
  connectors: ['Difor', 'Samtidig', 'Etter kvart', 'I tillegg', 'Likevel', 'Først', 'Til slutt'],
  headings: [
    'Bakgrunn',
    'Slik gjorde vi det',
    'Kva vi lærte',
    'Vegen vidare',
    'Resultat',
    'Kven var med',
    'Det som ikkje verka',
    'Neste steg',
  ],
};

const EN: WordBank = {
  determiners: ['the', 'a', 'our', 'every', 'this', 'each', 'several', 'some', 'all'],
  adjectives: [
    'new',
    'safe',
    'simple',
    'digital',
    'shared',
    'local',
    'better',
    'quick',
    'open',
    'important',
    'concrete',
    'useful',
    'municipal',
    'flexible',
    'sustainable',
    'practical',
    'quiet',
    'strong',
    'small',
    'large',
    'clear',
    'lasting',
    'bold',
  ],
  nounHeads: [
    'welfare',
    'school',
    'health',
    'youth',
    'housing',
    'neighbour',
    'service',
    'citizen',
    'data',
    'climate',
    'energy',
    'food',
    'care',
    'home',
    'reading',
    'cycle',
    'park',
    'water',
    'waste',
    'library',
    'culture',
    'volunteer',
    'staff',
    'night',
    'sensor',
    'pilot',
  ],
  nounTails: [
    'technology',
    'service',
    'plan',
    'team',
    'solution',
    'method',
    'model',
    'arena',
    'group',
    'centre',
    'tool',
    'scheme',
    'routine',
    'course',
    'meeting',
    'agreement',
    'process',
    'survey',
    'experience',
    'benefit',
    'programme',
    'network',
    'insight',
    'portal',
  ],
  verbs: [
    'gives',
    'shows',
    'changes',
    'strengthens',
    'simplifies',
    'gathers',
    'tries out',
    'measures',
    'shares',
    'builds',
    'tests',
    'saves',
    'opens',
    'supports',
    'improves',
    'replaces',
    'helps',
    'explains',
    'challenges',
  ],
  prepositions: ['for', 'with', 'in', 'at', 'without', 'after', 'between', 'through', 'around'],
  connectors: ['Therefore', 'Meanwhile', 'Over time', 'In addition', 'Still', 'First', 'Finally'],
  headings: [
    'Background',
    'How we did it',
    'What we learned',
    'Next steps',
    'Results',
    'Who took part',
    'What did not work',
  ],
};

const BANKS: Record<Language, WordBank> = { nb: NB, nn: NN, en: EN };

/** A seeded writer of words, sentences and paragraphs in one language. */
export interface TextWriter {
  noun(): string;
  sentence(): string;
  /** About `words` words, in whole sentences. */
  paragraph(words: number): string;
  /** A short title, capitalised, without a full stop. */
  title(): string;
  heading(): string;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Counts the words in a text, as the tests and the benchmark report count them. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** Creates a writer for `language` that draws from `random`. */
export function createTextWriter(random: Random, language: Language): TextWriter {
  const bank = BANKS[language];
  const noun = (): string =>
    random.chance(0.7)
      ? `${random.pick(bank.nounHeads)}${random.pick(bank.nounTails)}`
      : random.pick(bank.nounTails);
  const phrase = (): string =>
    [
      random.pick(bank.determiners),
      ...(random.chance(0.5) ? [random.pick(bank.adjectives)] : []),
      noun(),
    ].join(' ');
  const sentence = (): string => {
    const parts = [
      ...(random.chance(0.2) ? [`${random.pick(bank.connectors)},`] : []),
      phrase(),
      random.pick(bank.verbs),
      phrase(),
      ...(random.chance(0.6) ? [random.pick(bank.prepositions), phrase()] : []),
      ...(random.chance(0.3) ? [random.pick(bank.prepositions), phrase()] : []),
    ];
    return `${capitalise(parts.join(' '))}.`;
  };
  return {
    noun,
    sentence,
    paragraph(words) {
      const sentences: string[] = [];
      let count = 0;
      while (count < words) {
        const next = sentence();
        sentences.push(next);
        count += countWords(next);
      }
      return sentences.join(' ');
    },
    title() {
      return capitalise(
        [noun(), random.pick(bank.verbs), random.pick(bank.adjectives), noun()].join(' '),
      );
    },
    heading: () => random.pick(bank.headings),
  };
}
