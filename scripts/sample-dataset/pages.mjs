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
      Tanketanken er stedet der Bærum kommune viser fram innovasjonsarbeidet sitt. Ansatte i barnehager, skoler, hjemmetjenesten, kulturhus og stab skriver selv om hva de prøver ut, hvordan det gikk og hva de ville gjort annerledes. Nettstedet er laget for kolleger i egen kommune, for innbyggere som vil vite hva pengene brukes til, og for andre kommuner som vil slippe å finne opp det samme på nytt.

      ## Innovasjon i Bærum kommune

      Innovasjon betyr for oss noe nytt eller forbedret som faktisk blir tatt i bruk og gir verdi for innbyggerne eller de ansatte. Det kan være en ny teknologi, men like ofte en ny arbeidsmåte, et nytt samarbeid eller et brev som er lettere å forstå. Arbeidet ledes av innovasjonsteamet i kommunedirektørens stab, men ideene kommer fra tjenestene.

      - **Lokale innovasjonsmidler:** Tjenestestedene kan søke om penger til å teste en idé i liten skala før kommunen bestemmer seg.
      - **Innovasjonsprisen:** Hvert år hedrer vi Årets innovasjon, det beste vi har kopiert fra andre (Stjæl med stil) og den mest lærerike feilen (Beste feil).
      - **Nettverk:** Vi deler erfaringer med andre kommuner og tar gjerne imot besøk og spørsmål.

      ## Hva du finner her

      - **Innlegg** om metoder, arrangementer og erfaringer underveis
      - **Prosjekter** som følges fra idé til drift, med status og oppdateringer
      - **Innovasjonscaser** som beskriver behov, løsning, resultater, hva vi lærte og hva det kostet, slik at andre kan vurdere å ta løsningen i bruk

      Alt kan søkes i, følges med RSS og bla i etter tema, tjenesteområde, person og år. Hver case har en kontaktperson du kan spørre direkte.

      ## Slik jobber vi

      Vi bruker [B-L-T-metoden](ref:post-blt-metoden): Vi starter med behovet, finner den enkleste løsningen og tester før vi bestemmer oss. Vi skriver like gjerne om det som ikke virket, fordi det er der andre sparer mest tid.

      ## Bruk innholdet

      Tekst og illustrasjoner er publisert under lisensen [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/deed.no). Du kan bruke, endre og dele dem fritt, så lenge du oppgir Bærum kommune som kilde. Casene finnes også som åpne data i JSON og CSV.

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
      Bærum kommune har ansvar for at Tanketanken er universelt utformet, slik at alle kan bruke nettstedet uansett funksjonsevne. Nettstedet skal oppfylle kravene i forskrift om universell utforming av IKT-løsninger, som viser til standarden WCAG 2.1 på nivå A og AA.

      ## Status

      Nettstedet oppfyller de fleste kravene. Noen krav er ikke oppfylt, se «Kjente mangler» under.

      ## Slik har vi testet

      - Hver gang nettstedet bygges, åpnes et utvalg sider av hver type i en nettleser og kontrolleres automatisk mot kravene i WCAG 2.1 A og AA, i lyst og mørkt fargetema.
      - Innovasjonsteamet går jevnlig gjennom sidene med tastatur alene, med skjermleser og med forstørrelse opp til 400 prosent.
      - Nye innholdstyper og maler testes før de tas i bruk.

      Automatiske tester finner bare en del av feilene. Derfor er tilbakemeldinger fra deg som bruker nettstedet viktige for oss.

      ## Kjente mangler

      - **Alternativ tekst (1.1.1):** Noen eldre innlegg har bilder med alternative tekster som ikke forteller nok om hva bildet viser. Vi går gjennom dem og retter fortløpende.
      - **Teksting av video (1.2.2):** Enkelte innebygde videoer fra YouTube og Vimeo mangler norsk teksting. Videoene er laget av andre, og vi ber eierne om teksting.
      - **Informasjon og struktur (1.3.1):** Noen eldre innlegg viser tabeller som bilder. Innholdet står også i teksten rundt, men vi legger dem inn som ekte tabeller når innleggene oppdateres.
      `,
      callout(
        'info',
        'Fant du noe som ikke fungerer? Gi oss beskjed, så retter vi det så raskt vi kan.',
      ),
      `
      ## Gi tilbakemelding

      - Send e-post til [tilgjengelighet@tanketanken.example](mailto:tilgjengelighet@tanketanken.example?subject=Tilgjengelighet%20p%C3%A5%20Tanketanken)
      - Bruk tilbakemeldingsskjemaet i tilgjengelighetserklæringen vår på [uustatus.no](https://uustatus.no/), Digitaliseringsdirektoratets løsning for erklæringer

      Vi svarer så snart vi kan, og senest innen to uker.

      ## Tilsyn

      Tilsynet for universell utforming av IKT, som er en del av Digitaliseringsdirektoratet (Digdir), fører tilsyn med at nettsteder i Norge er universelt utformet. Hvis du ikke er fornøyd med svaret fra oss, eller mener vi bryter kravene, kan du melde fra til [Tilsynet for universell utforming av IKT](https://www.uutilsynet.no/).

      ## Om erklæringen

      Erklæringen ble først publisert i februar 2021 og sist oppdatert 1. september 2026.
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
  organizationNumber: '935478715',
  contactEmail: 'tanketanken@tanketanken.example',
  license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.no' },
  accessibilityStatement: 'page-tilgjengelighet',
  feedbackUrl: 'https://uustatus.no/',
  // Staff nominate for the innovation prize in this window (README, «Juryen»).
  nominationWindow: { opens: '2027-01-11T07:00:00Z', closes: '2027-02-28T22:59:00Z' },
  createdAt: '2015-01-12T08:00:00Z',
  updatedAt: '2026-09-01T09:00:00Z',
};
