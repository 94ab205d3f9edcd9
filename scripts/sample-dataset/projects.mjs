/** Project stories (prosjekter) of the sample dataset, each with a timeline of updates. */
import { callout, image, pt } from './helpers.mjs';

const project = (fields) => ({
  _type: 'projectStory',
  language: 'nb',
  related: [],
  partners: [],
  funding: [],
  ...fields,
});
const update = (date, title, text) => ({ _type: 'projectUpdate', date, title, text });

export const projects = [
  project({
    _id: 'project-spillhuset-arena-bekkestua',
    title: 'Spillhuset på Arena Bekkestua',
    status: 'operational',
    startDate: '2014-12-01',
    publishedAt: '2015-04-15T09:00:00.000Z',
    updatedAt: '2019-08-20T10:00:00Z',
    authors: ['person-thomas-berg'],
    contact: 'person-thomas-berg',
    topics: ['topic-ungdom-og-fritid', 'topic-medvirkning'],
    serviceAreas: ['serviceArea-kultur-og-fritid'],
    partners: ['Utekontakten', 'PPT', 'Arena Bekkestua', 'Foreldreutvalget for grunnskolen'],
    funding: ['Innovasjonsmidler', 'Driftsbudsjett Kultur og fritid'],
    excerpt:
      'Fra en prøvekveld med pizza og LAN til en fast klubb med egne lokaler, åpen tre kvelder i uka og drevet sammen med ungdommene.',
    mainImage: image(
      'spillhuset',
      'Illustrasjon av en spillkontroller omgitt av fargerike piksler på lilla bakgrunn.',
    ),
    related: ['case-spillhuset-klubb-for-gamere', 'project-gamere-om-gaming'],
    body: pt(`
      Spillhuset er en fritidsklubb for ungdom som liker å spille, og særlig for dem som ikke finner seg til rette i andre tilbud. Klubben ble startet av Utekontakten og PPT etter at de i desember 2014 gikk sammen om å finne nye måter å nå ungdom som satt isolert hjemme.

      ## Slik jobber vi

      - Ungdommene bestemmer spill, regler og aktiviteter gjennom et eget klubbstyre.
      - Voksne fra Utekontakten er alltid til stede, spiller med og er tilgjengelige for samtaler.
      - Skolen, PPT og foreldre kan ta kontakt dersom en ungdom trenger ekstra oppfølging.

      Klubben holder til i lokaler på Arena Bekkestua og er gratis for alle mellom 13 og 20 år.
    `),
    updates: [
      update(
        '2015-01-23',
        'Første LAN-kveld',
        'Tolv ungdommer møtte opp til den første kvelden. Vi hadde regnet med fire.',
      ),
      update(
        '2015-06-10',
        'Klubbstyret er valgt',
        'Medlemmene valgte sitt eget styre på fem, som nå har ansvaret for husreglene og turneringene.',
      ),
      update(
        '2015-10-01',
        'Egne lokaler på Arena Bekkestua',
        'Spillhuset flyttet inn i egne lokaler med tjue maskiner, konsoller og kjøkken.',
      ),
      update(
        '2016-11-24',
        'Vant innovasjonsprisen',
        'Klubben vant Årets innovasjon blant 48 bidrag.',
      ),
      update(
        '2019-08-20',
        'Fast drift',
        'Spillhuset er nå en fast del av kommunens fritidstilbud, med egen post i budsjettet.',
      ),
    ],
  }),
  project({
    _id: 'project-gamere-om-gaming',
    title: 'Gamere om Gaming',
    status: 'spreading',
    startDate: '2015-09-01',
    publishedAt: '2015-09-14T09:00:00.000Z',
    updatedAt: '2023-02-01T09:00:00Z',
    authors: ['person-silje-aamodt'],
    contact: 'person-silje-aamodt',
    topics: ['topic-ungdom-og-fritid', 'topic-laering'],
    serviceAreas: ['serviceArea-oppvekst-og-skole', 'serviceArea-kultur-og-fritid'],
    partners: [
      'Spillhuset',
      'Utekontakten',
      'PPT',
      'Foreldreutvalg ved skolene',
      'Sykehusets barneavdeling',
    ],
    funding: ['Lokale innovasjonsmidler', 'Tilskudd fra Helsedirektoratet'],
    excerpt:
      'Ungdom fra Spillhuset holder foredrag for foreldre, lærere og helsepersonell om hva gaming er – og hva de voksne kan gjøre.',
    mainImage: image(
      'gamere-om-gaming',
      'Illustrasjon av to snakkebobler, én mørk og én oransje, over et mønster av små firkanter.',
    ),
    related: ['post-foreldremote-gamere-om-gaming', 'project-gaming-pa-sykehuset'],
    body: pt(
      `
      Gamere om Gaming vokste ut av seminaret om ungdom og spill våren 2015. Der ble det klart at de som hadde mest å lære bort, var ungdommene selv. Nå reiser de rundt på foreldremøter, lærermøter og fagdager.

      ## Tilbudet

      - Foreldremøter på skoler og i barnehager, med praktisk prøving av spill
      - Fagdager for lærere om spill i undervisningen
      - Innlegg for helsepersonell om ungdom som spiller mye
      `,
      callout(
        'tip',
        'Vil dere ha besøk? Bestill minst seks uker før, og sett av minst halvannen time. Det beste skjer når foreldrene får prøve spillene selv.',
      ),
    ),
    updates: [
      update(
        '2015-11-05',
        'Første foreldremøte',
        'Tre ungdommer holdt sitt første foredrag for 80 foreldre på en ungdomsskole.',
      ),
      update(
        '2016-04-20',
        'Over tretti møter',
        'Etterspørselen er større enn vi klarer å dekke. Vi lærer opp flere ungdommer som foredragsholdere.',
      ),
      update(
        '2018-09-12',
        'Andre kommuner tar det i bruk',
        'Tre nabokommuner har fått opplæring og starter egne grupper med Gamere om Gaming.',
      ),
      update(
        '2023-02-01',
        'Veileder publisert',
        'En veileder for kommuner som vil starte noe lignende, er nå tilgjengelig for alle.',
      ),
    ],
  }),
  project({
    _id: 'project-gaming-pa-sykehuset',
    title: 'Gaming på sykehuset',
    status: 'ended',
    startDate: '2016-02-01',
    endDate: '2018-06-30',
    publishedAt: '2016-02-22T10:00:00.000Z',
    updatedAt: '2018-06-30T12:00:00Z',
    authors: ['person-thomas-berg'],
    contact: 'person-thomas-berg',
    topics: ['topic-ungdom-og-fritid', 'topic-velferdsteknologi'],
    serviceAreas: ['serviceArea-kultur-og-fritid', 'serviceArea-helse-og-omsorg'],
    partners: ['Sykehusets barne- og ungdomsavdeling', 'Spillhuset', 'Sykehusklovnene'],
    funding: ['Lokale innovasjonsmidler', 'Gave fra en lokal stiftelse'],
    excerpt:
      'Medlemmer fra Spillhuset besøkte barn og ungdom som lå lenge på sykehus, for å spille sammen med dem. Tilbudet drives nå videre av sykehuset.',
    mainImage: image(
      'sensorer',
      'Illustrasjon av konsentriske ringer som sprer seg ut fra tre lyse punkter på blå bakgrunn.',
    ),
    related: ['project-gamere-om-gaming'],
    body: pt(`
      Barn og ungdom som ligger lenge på sykehus, mister kontakten med vennene sine. Mange av dem spiller, men gjør det alene. Medlemmer fra Spillhuset tilbød seg å komme på besøk – og etter hvert å spille sammen med pasientene på nett.

      Prosjektet ble avsluttet sommeren 2018, da sykehuset overtok ansvaret og bygget det inn i sitt eget aktivitetstilbud. Vi regner det som en suksess at vi ikke lenger trengs.

      ## Hva vi lærte

      - Frivillige ungdommer trenger tydelige rammer for taushetsplikt og smittevern.
      - Spill på nett gjorde det mulig å holde kontakten også etter utskriving.
      - En fast kontaktperson på avdelingen var avgjørende.
    `),
    updates: [
      update(
        '2016-03-10',
        'Første besøk',
        'Fire ungdommer fra Spillhuset besøkte barneavdelingen sammen med en miljøterapeut.',
      ),
      update(
        '2017-01-15',
        'Nettspill med pasienter hjemme',
        'Vi startet faste spillkvelder på nett for pasienter som var skrevet ut, men fortsatt ikke kunne gå på skolen.',
      ),
      update(
        '2018-06-30',
        'Overlevert til sykehuset',
        'Sykehuset driver nå tilbudet videre selv. Prosjektet er avsluttet.',
      ),
    ],
  }),
  project({
    _id: 'project-lup-lederutvikling',
    title: 'LUP – lederutvikling gjennom egne innovasjonsprosjekter',
    status: 'operational',
    startDate: '2015-08-15',
    publishedAt: '2015-08-20T08:00:00.000Z',
    updatedAt: '2022-12-15T09:00:00Z',
    authors: ['person-anders-moe'],
    contact: 'person-anders-moe',
    topics: ['topic-ledelse-og-kultur', 'topic-laering'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    partners: ['Organisasjon og personal', 'Innovasjonsteamet', 'En regional høyskole'],
    funding: ['Innovasjons- og forskningsmidler', 'Sentralt opplæringsbudsjett'],
    excerpt:
      'Et årlig lederprogram der hver leder tar med seg et ekte prosjekt fra sitt tjenestested. 120 av rundt 200 tjenestesteder har vært med.',
    mainImage: image(
      'lederutvikling',
      'Illustrasjon av et nettverk av sirkler i ulike størrelser, forbundet med tynne linjer.',
    ),
    related: ['post-lup-120-av-200', 'post-blt-metoden'],
    body: pt(`
      LUP er kommunens lederutviklingsprogram for innovasjon. Programmet går over ett år, med fem samlinger, lederpartnere på tvers av tjenesteområdene og et eget prosjekt som hver leder jobber med hjemme.

      ## Programmet

      1. Oppstart: behov og innsikt, med B-L-T som metode
      2. Idéutvikling sammen med ansatte og brukere
      3. Små tester og hvordan måle dem
      4. Implementering, eller å avslutte på en god måte
      5. Deling: hver leder presenterer prosjektet sitt for de andre

      Målet er at alle rundt 200 tjenestesteder skal ha hatt minst én leder gjennom programmet.
    `),
    updates: [
      update(
        '2015-09-03',
        'Første kull i gang',
        'Tjuefem ledere startet i det første kullet, fra sykehjem, skoler, barnehager, NAV og teknisk drift.',
      ),
      update(
        '2017-06-15',
        'Femti tjenestesteder',
        'Etter tre kull har ledere fra femti tjenestesteder vært gjennom LUP.',
      ),
      update(
        '2019-05-14',
        '120 av 200',
        'Ledere fra 120 av kommunens rundt 200 tjenestesteder har nå deltatt.',
      ),
      update(
        '2022-12-15',
        'LUP blir fast tilbud',
        'Programmet er ikke lenger et prosjekt, men en fast del av kommunens lederutvikling.',
      ),
    ],
  }),
  project({
    _id: 'project-digitale-trygghetsalarmer',
    title: 'Fra analoge til digitale trygghetsalarmer',
    status: 'implementing',
    startDate: '2022-01-10',
    endDate: '2026-12-31',
    publishedAt: '2022-02-07T09:00:00.000Z',
    updatedAt: '2025-06-12T09:00:00Z',
    authors: ['person-erik-nygard'],
    contact: 'person-erik-nygard',
    topics: ['topic-velferdsteknologi', 'topic-digitalisering'],
    serviceAreas: ['serviceArea-helse-og-omsorg'],
    partners: ['Responssenteret', 'Hjemmetjenestene', 'IKT-avdelingen', 'Eldrerådet'],
    funding: ['Driftsbudsjett Helse og omsorg', 'Innovasjonsmidler til opplæring'],
    excerpt:
      'Over 2 000 brukere skal over på digitale trygghetsalarmer før telenettet for kobber stenges. Vi tar dem over én og én.',
    mainImage: image(
      'sensorer',
      'Illustrasjon av konsentriske ringer som sprer seg ut fra tre lyse punkter på blå bakgrunn.',
    ),
    related: ['case-sensorer-omsorgsboliger', 'case-digitalt-nattilsyn'],
    body: pt(`
      De gamle trygghetsalarmene gikk over telefonlinjen. Når kobbernettet stenges, må alle brukere få nye, digitale alarmer. Det er en teknisk jobb, men enda mer en jobb med mennesker: Mange av brukerne er engstelige for å miste tryggheten de har hatt i mange år.

      ## Slik gjør vi det

      - Hver bruker får besøk av en ansatt de kjenner, ikke bare en montør.
      - Den gamle alarmen står til den nye er testet.
      - Pårørende får en enkel veiledning på papir.
      - Eldrerådet har gått gjennom informasjonen før den ble sendt ut.
    `),
    updates: [
      update(
        '2022-03-01',
        'Innsikt fra brukerne',
        'Intervjuer med tjue brukere viste at det største bekymringen var å stå uten alarm i overgangen.',
      ),
      update(
        '2023-04-20',
        'Første tusen over',
        'Halvparten av brukerne har nå digital alarm. Antall falske alarmer har gått ned.',
      ),
      update(
        '2025-06-12',
        'Siste fase',
        'De siste brukerne, ofte med mest sammensatte behov, tas over i tett samarbeid med hjemmetjenesten.',
      ),
    ],
  }),
  project({
    _id: 'project-matsvinn-sykehjem',
    title: 'Mindre matsvinn på sykehjemmene',
    status: 'testing',
    startDate: '2025-01-06',
    publishedAt: '2025-02-03T09:00:00.000Z',
    updatedAt: '2025-09-15T09:00:00Z',
    authors: ['person-jonas-fjeld', 'person-ingrid-haugland'],
    contact: 'person-jonas-fjeld',
    topics: ['topic-klima-og-miljo', 'topic-medvirkning'],
    serviceAreas: ['serviceArea-helse-og-omsorg', 'serviceArea-teknikk-og-miljo'],
    partners: ['Kommunens produksjonskjøkken', 'To sykehjem', 'Matvett'],
    funding: ['Klimamidler', 'Lokale innovasjonsmidler'],
    excerpt:
      'På to sykehjem veier vi maten som kastes, og lar beboerne velge porsjonsstørrelse selv. Målet er å halvere svinnet uten at noen går sultne.',
    mainImage: image(
      'matsvinn',
      'Illustrasjon av tre hvite tallerkener med små fargerike matrester sett ovenfra.',
    ),
    related: ['case-elsykler-hjemmetjenesten'],
    body: pt(`
      Hver dag kastes det mat på sykehjemmene – ofte fordi porsjonene er for store, eller fordi beboerne ikke liker det som serveres. Samtidig er underernæring et kjent problem blant eldre. Vi vil ha mindre svinn *og* bedre ernæring.

      ## Testen

      - I seks måneder veier vi all mat som kastes på to avdelinger.
      - Beboerne får velge mellom liten, middels og stor porsjon ved hvert måltid.
      - Kjøkkenet justerer menyen hver måned etter det beboerne sier og det som blir kastet.
    `),
    updates: [
      update(
        '2025-01-20',
        'Vekta er på plass',
        'Begge avdelingene har fått vekt og et enkelt skjema. De første ukene gir oss et utgangspunkt.',
      ),
      update(
        '2025-09-15',
        'Foreløpige tall',
        'Svinnet er redusert med rundt 30 prosent. Beboerne spiser like mye som før, men mindre går i søpla.',
      ),
    ],
  }),
  project({
    _id: 'project-delebiler-ansatte',
    title: 'Idé: delebiler for ansatte som kjører i jobben',
    status: 'idea',
    publishedAt: '2026-03-16T09:00:00.000Z',
    authors: ['person-jonas-fjeld'],
    contact: 'person-jonas-fjeld',
    topics: ['topic-klima-og-miljo'],
    serviceAreas: ['serviceArea-teknikk-og-miljo', 'serviceArea-organisasjon-og-styring'],
    partners: [],
    funding: [],
    excerpt:
      'Mange tjenestebiler står stille store deler av dagen. Kan en felles delebilordning gi færre biler og lavere utslipp? Vi vil gjerne høre fra deg.',
    mainImage: image(
      'ruter',
      'Illustrasjon av et rutenett av gater med fargede ruter tegnet inn mellom punkter.',
    ),
    related: ['case-elsykler-hjemmetjenesten'],
    body: pt(`
      Kommunen har flere hundre tjenestebiler. Noen brukes hele dagen, andre bare et par timer. Idéen er å samle en del av dem i en felles delebilordning som alle tjenestesteder kan booke fra.

      Vi er på idéstadiet og har ikke bestemt noe. Før vi går videre, vil vi vite:

      - Hvilke tjenestesteder kjører mest, og når på døgnet?
      - Hva skal til for at en delebil er like lett å bruke som en egen bil?
      - Hvem vil være med og teste?

      Har du innspill, ta kontakt med klimarådgiveren.
    `),
    updates: [
      update(
        '2026-03-16',
        'Idéen lagt fram',
        'Idéen ble presentert på et møte med tjenestestedslederne i Teknikk og miljø.',
      ),
      update(
        '2026-05-04',
        'Innspillsrunde',
        'Vi har samlet innspill fra tolv tjenestesteder og ser på bruksdata for bilene.',
      ),
    ],
  }),
  project({
    _id: 'project-ungdom-utanfor-fritid',
    language: 'nn',
    title: 'Kvifor sluttar ungdom på fritidsaktivitetar?',
    status: 'insight',
    startDate: '2025-08-18',
    publishedAt: '2025-09-01T09:00:00.000Z',
    updatedAt: '2026-02-10T09:00:00Z',
    authors: ['person-solveig-ronning', 'person-thomas-berg'],
    contact: 'person-thomas-berg',
    topics: ['topic-ungdom-og-fritid', 'topic-medvirkning'],
    serviceAreas: ['serviceArea-kultur-og-fritid', 'serviceArea-oppvekst-og-skole'],
    partners: ['Ungdomsrådet', 'Idrettsrådet', 'Utekontakten', 'Ungdomsskulane'],
    funding: ['Lokale innovasjonsmidlar'],
    excerpt:
      'Mange ungdomar sluttar på fritidsaktivitetar rundt 14-årsalderen. Vi spør dei sjølve kvifor, før vi lagar nye tilbod.',
    mainImage: image(
      'medvirkning',
      'Illustrasjon av mange fargerike snakkeboblar i ulike storleikar spreidde over ei lys flate.',
    ),
    related: ['case-spillhuset-klubb-for-gamere'],
    body: pt(`
      Mange ungdomar sluttar i idrettslag, korps og andre fritidsaktivitetar når dei er rundt 14 år. Nokre finn noko anna, men ein del blir ikkje med på noko i det heile. Før vi prøver å lage nye tilbod, vil vi forstå kva som skjer.

      ## Korleis vi arbeider

      - Ungdomar frå ungdomsrådet intervjuar andre ungdomar, utan vaksne til stades.
      - Vi går gjennom medlemstal frå lag og organisasjonar saman med idrettsrådet.
      - Vi inviterer foreldre til samtalar om kostnader, køyring og tidsbruk.

      Innsikta skal vere klar til jul 2026. Først då avgjer vi kva vi skal teste.
    `),
    updates: [
      update(
        '2025-09-10',
        'Ungdomane er intervjuarar',
        'Åtte ungdomar frå ungdomsrådet har fått opplæring i å intervjue jamaldringar.',
      ),
      update(
        '2025-12-05',
        'Første funn',
        'Pris og prestasjonspress går att i nesten alle intervjua. Fleire seier dei slutta fordi «det vart for seriøst».',
      ),
      update(
        '2026-02-10',
        'Verkstad med lag og foreiningar',
        'Lag og foreiningar fekk sjå funna og kom med eigne forslag til kva som kan endrast.',
      ),
    ],
  }),
];
