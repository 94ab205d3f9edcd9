/** The fixed pages (about, accessibility statement) and the site settings singleton. */
import { callout, pt } from './helpers.mjs';

export const pages = [
  {
    _id: 'page-om',
    _type: 'page',
    title: 'Om Tanketanken',
    slug: 'om',
    language: 'nb',
    createdAt: '2015-01-12T09:00:00Z',
    updatedAt: '2025-01-08T10:00:00Z',
    body: pt(
      `
      Tanketanken er Bærum kommunes blogg og casebibliotek for innovasjon. Her forteller ansatte om nye måter å løse oppgavene på – det som virker, og det som ikke gjør det – slik at kolleger, innbyggere og andre kommuner kan lære av det.

      ## Hvorfor vi deler

      Kommunen bruker ti millioner kroner i året på innovasjon og forskning. Vi mener at det vi lærer for de pengene, bør komme flere til gode enn oss selv. Derfor er innholdet her åpent, og casene kan lastes ned som åpne data.

      ## Hva du finner her

      - **Innlegg** om metoder, arrangementer og erfaringer
      - **Prosjekter** som følges over tid
      - **Innovasjonscaser** med behov, løsning, resultater, lærdommer og kostnader

      ## Slik jobber vi

      Vi bruker [B-L-T-metoden](ref:post-blt-metoden): Vi starter med behovet, finner den enkleste løsningen og tester før vi bestemmer oss. Hvert år deler vi ut innovasjonsprisen i kategoriene Årets innovasjon, Stjæl med stil og Beste feil.

      ## Bruk innholdet

      Tekst og illustrasjoner er publisert under lisensen [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/deed.no). Du kan bruke, endre og dele dem fritt, så lenge du oppgir Bærum kommune som kilde.

      ## Kontakt

      Innovasjonsteamet svarer på spørsmål og tar imot tips på [tanketanken@tanketanken.example](mailto:tanketanken@tanketanken.example).
      `,
    ),
  },
  {
    _id: 'page-tilgjengelighet',
    _type: 'page',
    title: 'Tilgjengelighetserklæring',
    slug: 'tilgjengelighet',
    language: 'nb',
    createdAt: '2021-02-01T09:00:00Z',
    updatedAt: '2026-09-01T09:00:00Z',
    body: pt(
      `
      Bærum kommune ønsker at alle skal kunne bruke Tanketanken, uansett funksjonsevne. Nettstedet skal oppfylle kravene i forskrift om universell utforming av IKT-løsninger, som bygger på standarden WCAG 2.1 på nivå AA.

      ## Slik har vi jobbet

      - Alle sider har en logisk overskriftsstruktur og kan brukes med tastatur alene.
      - Bilder har alternativ tekst som forteller hva de viser.
      - Farger og kontrast er valgt for å være lesbare også for dem som ser dårlig.
      - Sidene testes automatisk for vanlige feil hver gang nettstedet bygges.

      ## Kjente mangler

      Noen eldre innlegg kan ha bilder med for korte alternative tekster, og enkelte innebygde videoer fra YouTube og Vimeo mangler norsk teksting. Vi retter dette fortløpende.
      `,
      callout(
        'info',
        'Fant du noe som ikke fungerer? Gi oss beskjed, så retter vi det så raskt vi kan.',
      ),
      `
      ## Gi tilbakemelding

      - Send e-post til [tilgjengelighet@tanketanken.example](mailto:tilgjengelighet@tanketanken.example?subject=Tilgjengelighet%20p%C3%A5%20Tanketanken)
      - Bruk tilbakemeldingsskjemaet i tilgjengelighetserklæringen vår på [uustatus.no](https://uustatus.no/), Digitaliseringsdirektoratets løsning for erklæringer

      Hvis du ikke er fornøyd med svaret fra oss, kan du melde fra til [Tilsynet for universell utforming av IKT](https://www.uutilsynet.no/) i Digitaliseringsdirektoratet.
      `,
    ),
  },
];

export const siteSettings = {
  _id: 'siteSettings',
  _type: 'siteSettings',
  title: 'Tanketanken',
  description:
    'Innovasjon i Bærum kommune: innlegg, prosjekter og innovasjonscaser fra tjenestene – det som virker, og det vi har lært av det som ikke gjorde det.',
  organization: 'Bærum kommune',
  contactEmail: 'tanketanken@tanketanken.example',
  license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.no' },
  accessibilityStatement: 'page-tilgjengelighet',
  feedbackUrl: 'https://uustatus.no/',
  // Staff nominate for the innovation prize in this window (README, «Juryen»).
  nominationWindow: { opens: '2027-01-11T07:00:00Z', closes: '2027-02-28T22:59:00Z' },
  createdAt: '2015-01-12T08:00:00Z',
  updatedAt: '2026-09-01T09:00:00Z',
};
