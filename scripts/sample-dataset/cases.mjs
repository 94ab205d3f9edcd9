/**
 * Innovation cases (innovasjonscaser) of the sample dataset: the shared case library.
 * Each follows the same sections so that other municipalities can compare and reuse.
 */
import { callout, factBox, figure, image, pt, pullQuote } from './helpers.mjs';

const caseStudy = (fields) => ({
  _type: 'caseStudy',
  language: 'nb',
  municipality: 'Bærum kommune',
  related: [],
  partners: [],
  funding: [],
  awards: [],
  ...fields,
});
const award = (year, category, result) => ({ _type: 'award', year, category, result });

export const cases = [
  caseStudy({
    _id: 'case-spillhuset-klubb-for-gamere',
    title: 'Ungdomsklubb for og av gamere',
    status: 'spreading',
    publishedAt: '2016-06-01T09:00:00.000Z',
    updatedAt: '2024-12-10T12:00:00Z',
    authors: ['person-thomas-berg', 'person-silje-aamodt'],
    contact: 'person-thomas-berg',
    topics: ['topic-ungdom-og-fritid', 'topic-medvirkning', 'topic-laering'],
    serviceAreas: ['serviceArea-kultur-og-fritid', 'serviceArea-oppvekst-og-skole'],
    partners: [
      'Utekontakten',
      'PPT',
      'Arena Bekkestua',
      'Ungdomsskolene',
      'Sykehusets barneavdeling',
    ],
    funding: ['Innovasjonsmidler', 'Lokale innovasjonsmidler', 'Driftsbudsjett Kultur og fritid'],
    excerpt:
      'Utekontakten og PPT startet en klubb der gaming er selve tilbudet. Ungdom som ingen andre nådde, kom tilbake til skole og fellesskap.',
    mainImage: image(
      'spillhuset',
      'Illustrasjon av en spillkontroller omgitt av fargerike piksler på lilla bakgrunn.',
    ),
    related: [
      'project-spillhuset-arena-bekkestua',
      'project-gamere-om-gaming',
      'post-innovasjonsprisen-2016',
    ],
    sdgs: [3, 4, 10],
    awards: [award(2016, 'arets-innovasjon', 'winner')],
    problem: pt(`
      Utekontakten og PPT møtte en voksende gruppe ungdommer som var mye borte fra skolen og ikke deltok i noen fritidsaktiviteter. Felles for mange av dem var at de brukte store deler av døgnet på dataspill. Foreldrene var bekymret og slitne, og de vanlige tilbudene nådde ikke fram.

      Spillingen ble ofte sett på som selve problemet. Når vi snakket med ungdommene, ble det tydelig at den heller var et fristed – og at de hadde kunnskap og interesser som ingen voksne spurte etter.
    `),
    targetGroup:
      'Ungdom mellom 13 og 20 år som spiller mye og har lite kontakt med skole og andre fritidstilbud, og foreldrene deres.',
    solution: pt(
      `
      I desember 2014 gikk Utekontakten og ressursgruppen i PPT sammen om å lage et tilbud der gaming er hovedaktiviteten. Ungdommene har fra første dag vært med og bestemt.

      - **Klubben:** Spillhuset på Arena Bekkestua, åpen tre kvelder i uka med voksne til stede.
      - **Seminar:** En fagdag for lærere, helsepersonell og foreldre, der ungdommene selv holdt innlegg.
      - **Gamere om Gaming:** Ungdommer holder foredrag på foreldremøter og fagdager.
      - **Gaming på sykehus:** Medlemmer besøker og spiller med barn som ligger lenge på sykehus.
      - **Læreplanarbeid:** Et undervisningsopplegg der spill brukes som verktøy og tema i skolen.
      `,
      figure(
        'gamere-om-gaming',
        'Illustrasjon av to snakkebobler over et mønster av små firkanter.',
        'Ungdommene er eksperter i egen hverdag – og holder foredragene selv.',
      ),
    ),
    results: pt(
      `
      Av de første tjue ungdommene som kom til klubben, hadde fjorten økt skoleoppmøte etter ett år. Flere har senere tatt på seg ansvar som ledere i klubben.
      `,
      factBox('Resultater etter ti år', [
        'Over 600 ungdommer har vært medlemmer',
        'Mer enn 150 foreldremøter med Gamere om Gaming',
        'Minst ni kommuner har startet lignende klubber',
        'Vinner av Årets innovasjon 2016 blant 48 bidrag',
      ]),
    ),
    lessonsLearned: pt(`
      - Å møte ungdommene på deres arena ga tillit som vi ikke fikk på kontoret.
      - Voksne som spiller med, får bedre samtaler enn voksne som observerer.
      - Det tok tid å få skolene med. Besøk fra ungdommene på planleggingsdager var det som virket.
      - Vi undervurderte behovet for å snakke med foreldrene tidlig. Noen trodde klubben ville gjøre spillingen verre.
    `),
    reuse:
      'Dere trenger et lokale, noen maskiner og konsoller, og minst to voksne som liker å spille og har tid til å bli kjent med ungdommene. Det viktigste er at ungdommene får bestemme. Vi deler gjerne husregler, foreldrebrev og veilederen for Gamere om Gaming.',
    costs:
      'Oppstart rundt 350 000 kroner til utstyr og tilpasning av lokaler. Drift om lag 1,2 millioner kroner i året, hovedsakelig lønn til to miljøterapeuter i deltidsstillinger.',
  }),
  caseStudy({
    _id: 'case-digitalt-nattilsyn',
    title: 'Digitalt tilsyn om natten',
    status: 'operational',
    publishedAt: '2017-09-05T09:00:00.000Z',
    authors: ['person-erik-nygard'],
    contact: 'person-erik-nygard',
    topics: ['topic-velferdsteknologi', 'topic-digitalisering'],
    serviceAreas: ['serviceArea-helse-og-omsorg'],
    partners: [
      'Hjemmetjenestene',
      'Responssenteret',
      'Leverandør av sensorer',
      'Pårørendeforeningen',
    ],
    funding: ['Innovasjonsmidler', 'Kompetanse- og innovasjonstilskudd fra Helsedirektoratet'],
    excerpt:
      'En sensor som viser om brukeren ligger trygt i senga, erstatter nattlige besøk som vekket og uroet. Brukerne sover bedre.',
    mainImage: image(
      'digitalt-tilsyn',
      'Illustrasjon av hus om natten med noen få opplyste vinduer og en måne på himmelen.',
    ),
    related: ['post-digitalt-tilsyn-natt', 'project-digitale-trygghetsalarmer'],
    sdgs: [3, 9],
    awards: [award(2017, 'arets-innovasjon', 'nominee')],
    problem: pt(`
      Hjemmetjenesten hadde mange faste nattbesøk hos brukere med demens eller fallrisiko. Besøkene var ment å gi trygghet, men vekket ofte brukerne, som ble urolige og fikk dårlig søvn. Nattevaktene brukte mye av natten på å kjøre mellom adresser.
    `),
    targetGroup:
      'Hjemmeboende brukere med demens, fallrisiko eller nattlig uro, deres pårørende og hjemmetjenestens nattevakter.',
    solution: pt(`
      En liten sensor på veggen viser en enkel strekfigur av rommet – ikke et bilde – til nattevakten på et nettbrett. Nattevakten ser om brukeren ligger i senga, har stått opp eller har falt, og rykker bare ut når det trengs.

      Alle brukere og pårørende får se nøyaktig hva nattevakten ser, før de samtykker. Tilsynet kan når som helst stoppes.
    `),
    results: pt(`
      - Brukerne sov merkbart bedre, ifølge både dem selv og pårørende.
      - Antall nattlige besøk gikk ned med rundt 60 prosent for brukerne som var med.
      - Nattevaktene fikk frigjort tid til brukere med behov for mer oppfølging.
    `),
    lessonsLearned: pt(`
      Samtykke og tillit tok lengre tid enn teknikken. Ordet «kamera» skremte mange, og vi måtte endre hvordan vi forklarte løsningen. Vi lærte også at wifi i eldre boliger ikke alltid er godt nok, og at det må sjekkes før installasjon.
    `),
    reuse:
      'Krever avtale med leverandør, en rutine for samtykke og en responstjeneste som kan følge med om natten. Sjekk nettdekningen hjemme hos brukerne før dere starter.',
    costs:
      'Om lag 8 000 kroner per sensor, pluss lisens. Innsparing i kjøretid og arbeidstid er større enn kostnaden etter omtrent ett år.',
  }),
  caseStudy({
    _id: 'case-medisindispenser',
    title: 'Elektroniske medisindispensere i hjemmetjenesten',
    status: 'operational',
    publishedAt: '2017-11-20T09:00:00.000Z',
    authors: ['person-ingrid-haugland', 'person-erik-nygard'],
    contact: 'person-ingrid-haugland',
    topics: ['topic-velferdsteknologi'],
    serviceAreas: ['serviceArea-helse-og-omsorg'],
    partners: ['En nabokommune', 'Apotek', 'Fastleger', 'Leverandør av dispensere'],
    funding: ['Lokale innovasjonsmidler', 'Driftsbudsjett Helse og omsorg'],
    excerpt:
      'En dispenser som sier fra når det er tid for medisinen, sparer tusenvis av besøk og gir brukerne mer frihet. Idéen hentet vi hos naboen.',
    mainImage: image(
      'medisindispenser',
      'Illustrasjon av et rundt hjul delt inn i rosa og lilla rom, som en medisindispenser sett ovenfra.',
    ),
    related: ['post-stjael-med-stil', 'post-hva-koster-innovasjon'],
    sdgs: [3],
    awards: [award(2017, 'stjael-med-stil', 'winner')],
    problem: pt(`
      Mange brukere fikk besøk av hjemmetjenesten flere ganger om dagen bare for å få medisinene sine. Besøkene tok mye tid, og brukerne måtte vente hjemme til tjenesten kom – noen ganger lenge etter at medisinen egentlig skulle tas.
    `),
    targetGroup:
      'Hjemmeboende brukere som klarer å ta medisinene selv når de blir minnet på det, men som trenger hjelp til å huske tidspunktene.',
    solution: pt(`
      Vi besøkte en nabokommune som hadde brukt elektroniske medisindispensere i to år, og lånte rutinene deres. Dispenseren fylles av apoteket eller hjemmetjenesten, sier fra med lyd og lys når det er tid, og varsler tjenesten hvis medisinen ikke blir tatt.
    `),
    results: pt(
      `
      - Om lag 20 000 færre besøk i året i hele kommunen.
      - Brukerne tar medisinene mer presist enn før.
      - Mange brukere sier de setter pris på å slippe å vente hjemme.
      `,
      pullQuote(
        'Nå kan jeg gå på butikken når jeg vil. Maskinen sier fra, og jeg tar pillene selv.',
        'Bruker i hjemmetjenesten, 82 år',
      ),
    ),
    lessonsLearned: pt(`
      Å kopiere var raskt, men vi måtte tilpasse opplæringen. Våre ansatte trengte mer tid enn naboens på å bli trygge på utstyret. Vi lærte også at ikke alle brukere passer: Personer med langt kommet demens ble forvirret av lydsignalene.
    `),
    reuse:
      'Ta kontakt med en kommune som har gjort det før. Lag tydelige kriterier for hvem som skal få dispenser, og avtal med apoteket hvem som fyller dem.',
    costs:
      'Leie av dispenser rundt 600 kroner i måneden per bruker. Hvert sparte besøk er verdt langt mer, og investeringen er tjent inn i løpet av få måneder.',
  }),
  caseStudy({
    _id: 'case-sensorer-omsorgsboliger',
    title: 'Sensorer som varsler i omsorgsboligene',
    status: 'implementing',
    publishedAt: '2023-03-14T09:00:00.000Z',
    updatedAt: '2025-11-25T09:00:00Z',
    authors: ['person-erik-nygard'],
    contact: 'person-erik-nygard',
    topics: ['topic-velferdsteknologi', 'topic-medvirkning'],
    serviceAreas: ['serviceArea-helse-og-omsorg'],
    partners: ['Omsorgsboligene', 'Eiendom', 'Brukerrådet', 'En høyskole'],
    funding: ['Innovasjons- og forskningsmidler', 'Investeringsbudsjett Helse og omsorg'],
    excerpt:
      'Dørsensorer, fallsensorer og sengesensorer sender varsel når noe er uvanlig. De ansatte går dit de trengs, i stedet for å gå runder.',
    mainImage: image(
      'sensorer',
      'Illustrasjon av konsentriske ringer som sprer seg ut fra tre lyse punkter på blå bakgrunn.',
    ),
    related: [
      'project-digitale-trygghetsalarmer',
      'case-digitalt-nattilsyn',
      'post-innovasjonsprisen-2025-nominerte',
    ],
    sdgs: [3, 9, 11],
    awards: [award(2023, 'arets-innovasjon', 'nominee'), award(2025, 'arets-innovasjon', 'winner')],
    problem: pt(`
      I omsorgsboligene gikk personalet faste runder for å sjekke at beboerne hadde det bra. Rundene tok tid og forstyrret beboerne, og likevel kunne det gå lang tid før noen oppdaget et fall.
    `),
    targetGroup:
      'Beboere i omsorgsboliger med fallrisiko, kognitiv svikt eller nattlig uro, og personalet som jobber der.',
    solution: pt(`
      Hver leilighet får sensorer etter behov: på døra, i gulvet eller i senga. Sensorene sender varsel til personalets telefon når noe er uvanlig – for eksempel at en beboer går ut midt på natta eller ikke er tilbake i senga etter en halvtime.

      ### Beboerne bestemmer

      Brukerrådet har vært med på å bestemme hvilke varsler som skal finnes, og hver beboer velger selv hvilke sensorer de vil ha.
    `),
    results: pt(`
      Etter testen på to omsorgsboliger gikk antallet faste nattrunder ned med 70 prosent. Fall ble oppdaget raskere, og personalet opplevde at de brukte tiden bedre. Løsningen innføres nå i alle omsorgsboligene.
    `),
    lessonsLearned: pt(
      `
      For mange varsler er like ille som ingen. I starten kom det så mange varsler at personalet sluttet å reagere på dem. Vi brukte tre måneder på å justere innstillingene for hver beboer.
      `,
      callout(
        'warning',
        'Planlegg for justering av varsler. Et system som varsler for ofte, blir ignorert – og da er det ikke trygt lenger.',
      ),
    ),
    reuse:
      'Trenger trådløst nett i hele bygget, en responsløsning på personalets telefoner og tid til å tilpasse varslene for hver beboer. Start med én bolig og utvid når varslene er justert.',
    costs:
      'Rundt 25 000 kroner per leilighet i utstyr og installasjon, pluss lisens og drift. Gevinsten er først og fremst bedre kvalitet og tryggere nattarbeid, i tillegg til noe frigjort tid.',
  }),
  caseStudy({
    _id: 'case-frivillighetsappen',
    title: 'Frivillighetsappen som nesten ingen brukte',
    status: 'ended',
    publishedAt: '2018-11-22T13:00:00.000Z',
    authors: ['person-kari-solheim'],
    contact: 'person-kari-solheim',
    topics: ['topic-digitalisering', 'topic-medvirkning'],
    serviceAreas: ['serviceArea-helse-og-omsorg', 'serviceArea-organisasjon-og-styring'],
    partners: ['Frivilligsentralen', 'Sykehjemmene', 'Et lokalt utviklingsselskap'],
    funding: ['Innovasjonsmidler'],
    excerpt:
      'Vi laget en app for å koble frivillige med oppdrag på sykehjemmene. Den var god, men nesten ingen ville bruke den. Her er hva vi lærte.',
    mainImage: image(
      'beste-feil',
      'Mønster av lyse fliser der noen få røde fliser har sprukket og vridd seg ut av rekken.',
    ),
    related: ['post-beste-feil', 'post-blt-metoden'],
    sdgs: [3, 17],
    awards: [award(2018, 'beste-feil', 'winner')],
    problem: pt(`
      Sykehjemmene ønsket flere frivillige til turer, kafé og besøk, og det var vanskelig å ha oversikt over hvem som kunne hva og når. Det ble antatt at det største hinderet var mangelen på et digitalt verktøy.
    `),
    targetGroup: 'Frivillige på sykehjemmene og de ansatte som koordinerer dem.',
    solution: pt(`
      Vi fikk utviklet en app der sykehjemmene la ut oppdrag, og frivillige kunne melde seg med ett trykk. Appen ble testet for universell utforming og lansert etter seks måneders utvikling.
    `),
    results: pt(`
      Etter fire måneder hadde 23 av rundt 300 frivillige lastet ned appen, og bare fem hadde meldt seg til et oppdrag gjennom den. Prosjektet ble avsluttet, og appen ble lagt ned.
    `),
    lessonsLearned: pt(
      `
      ## Vi startet i feil ende

      Vi laget en løsning før vi hadde forstått behovet. De fleste frivillige var over 65 år, hadde faste avtaler og likte å ringe eller møte opp. Hinderet var ikke verktøyet, men at sykehjemmene ikke hadde en fast kontaktperson for de frivillige.

      ## Det vi gjorde riktig

      - Vi målte faktisk bruk, og stoppet da tallene var tydelige.
      - Vi fortalte åpent om det, og prosjektet vant Beste feil i 2018.
      - Lærdommen ble en del av hvordan vi vurderer søknader om innovasjonsmidler.
      `,
      pullQuote(
        'Hadde vi snakket med fem frivillige først, hadde vi spart et halvt år.',
        'Prosjektleder for frivillighetsappen',
      ),
    ),
    reuse:
      'Ikke gjenbruk appen – gjenbruk lærdommen. Snakk med dem som skal bruke løsningen før dere bestiller noe. Det vi endte opp med, en fast frivillighetskoordinator på hvert sykehjem, kan vi gjerne fortelle mer om.',
    costs:
      'Rundt 400 000 kroner til utvikling og 40 000 kroner til drift før nedleggelse. Frivillighetskoordinatorene ble løst innenfor eksisterende stillinger.',
  }),
  caseStudy({
    _id: 'case-smarte-avfallsbeholdere',
    title: 'Smarte avfallsbeholdere som ikke tålte vinteren',
    status: 'ended',
    publishedAt: '2021-09-20T09:00:00.000Z',
    authors: ['person-jonas-fjeld'],
    contact: 'person-jonas-fjeld',
    topics: ['topic-klima-og-miljo', 'topic-digitalisering'],
    serviceAreas: ['serviceArea-teknikk-og-miljo'],
    partners: ['Vei og park', 'Leverandør av sensorer'],
    funding: ['Klimamidler', 'Innovasjonsmidler'],
    excerpt:
      'Sensorer skulle fortelle når søppelkassene i parkene var fulle. De sluttet å virke i kulda, og dataene ble aldri brukt i ruteplanleggingen.',
    mainImage: image(
      'beste-feil',
      'Mønster av lyse fliser der noen få røde fliser har sprukket og vridd seg ut av rekken.',
    ),
    related: ['post-fem-ting-om-a-dele-feil'],
    sdgs: [11, 12, 13],
    awards: [award(2021, 'beste-feil', 'nominee')],
    problem: pt(`
      Vei og park tømte avfallsbeholderne i parker og langs turveier etter faste ruter. Noen ble tømt halvfulle, andre rant over. Kjøringen ga unødvendige utslipp.
    `),
    targetGroup: 'Driftsarbeidere i Vei og park, og innbyggere som bruker parker og turveier.',
    solution: pt(`
      Vi monterte fyllingssensorer i 80 beholdere. Sensorene skulle sende data til et kart, slik at rutene kunne planlegges etter hvor det faktisk var fullt.
    `),
    results: pt(`
      Om sommeren virket sensorene delvis. Fra november falt over halvparten ut på grunn av kulde og fukt. Kartet ble aldri koblet til verktøyet som ble brukt til å planlegge rutene, så driftsarbeiderne fortsatte som før. Forsøket ble avsluttet etter 14 måneder.
    `),
    lessonsLearned: pt(`
      - Test utstyr gjennom en hel norsk vinter før dere kjøper mange.
      - Data som ikke brukes i de daglige beslutningene, har ingen verdi. Vi skulle ha tatt med driftsarbeiderne i planleggingen fra starten.
      - Avklar tidlig hvem som eier dataene og skal følge dem opp.
    `),
    reuse:
      'Vi anbefaler ikke å kopiere løsningen slik den var. Vurder heller større, nedgravde beholdere på de mest brukte stedene, og start med å spørre driftsarbeiderne hvor problemet er størst.',
    costs:
      'Om lag 600 000 kroner til sensorer, montering og lisenser. Leverandøren tok tilbake deler av utstyret.',
  }),
  caseStudy({
    _id: 'case-elevradet-innovasjonsteam',
    language: 'nn',
    title: 'Elevrådet som innovasjonsteam',
    status: 'operational',
    publishedAt: '2019-03-25T09:00:00.000Z',
    authors: ['person-marte-lien', 'person-solveig-ronning'],
    contact: 'person-marte-lien',
    topics: ['topic-medvirkning', 'topic-laering'],
    serviceAreas: ['serviceArea-oppvekst-og-skole'],
    partners: ['Elevrådet', 'FAU', 'Innovasjonsteamet'],
    funding: ['Lokale innovasjonsmidlar'],
    excerpt:
      'Elevrådet på ein ungdomsskule fekk opplæring i B-L-T og eit lite budsjett. Dei har løyst problem som dei vaksne ikkje visste om.',
    mainImage: image('verksted', 'Fargerike lappar på ein vegg, skrivne under ein idéverkstad.'),
    related: ['post-lup-120-av-200', 'post-blt-metoden'],
    sdgs: [4, 16],
    awards: [award(2019, 'arets-innovasjon', 'nominee')],
    problem: pt(`
      Elevrådet på skulen hadde lenge brukt mesteparten av tida på å planleggje fester og samle inn pengar. Elevane kjende at dei hadde lite å seie for korleis skulekvardagen var, og dei vaksne visste lite om kva som var vanskeleg for elevane.
    `),
    targetGroup: 'Elevane på ungdomstrinnet, elevrådet og lærarane.',
    solution: pt(`
      Rektor tok med seg metoden frå leiarutviklingsprogrammet LUP og gav elevrådet opplæring i B-L-T: behov, løysing, test. Elevrådet fekk eit eige budsjett på 20 000 kroner i året og ansvar for å finne og teste løysingar på problem elevane sjølve hadde.

      Kvart semester intervjuar elevrådet medelevar, vel eitt problem og testar ei løysing i seks veker.
    `),
    results: pt(`
      - Garderobane fekk betre lys og skåp som kan låsast, etter at elevrådet fann ut at mange ikkje dusja fordi dei var redde for å få ting stolne.
      - Ei fast «stille sone» i storefri vart oppretta for elevar som treng ein pause frå støy.
      - Fleire elevar seier at dei opplever at det nyttar å seie frå.
    `),
    lessonsLearned: pt(`
      Elevane var flinkare til å finne behova enn vi hadde trudd, men dei trong hjelp til å avgrense testane. Det var òg viktig at rektor faktisk følgde opp forslaga – eitt forslag som vart liggjande, kosta mykje tillit.
    `),
    reuse:
      'Krev ein vaksen kontaktperson som rettleier elevrådet, eit lite budsjett og ein rektor som er villig til å gjennomføre det elevane finn ut. Opplæringsmateriellet vårt kan lånast fritt.',
    costs:
      '20 000 kroner i året i budsjett til elevrådet, og om lag to timar i veka av ein lærar si tid.',
  }),
  caseStudy({
    _id: 'case-open-library',
    language: 'en',
    title: 'Open library: self-service opening hours',
    status: 'operational',
    publishedAt: '2019-10-14T09:00:00.000Z',
    authors: ['person-hanne-vik', 'person-lena-holt'],
    contact: 'person-hanne-vik',
    topics: ['topic-digitalisering', 'topic-laering'],
    serviceAreas: ['serviceArea-kultur-og-fritid'],
    partners: ['The county library', 'A Danish municipal library', 'Property management'],
    funding: ['Innovation funds', 'National library development grant'],
    excerpt:
      'Library users can now let themselves in with their library card from early morning until late evening, also when no staff are on duty.',
    mainImage: image(
      'bibliotek',
      'Illustration of full bookshelves at night with a warmly lit, rounded doorway in the middle.',
      { credit: 'Illustration: Tanketanken' },
    ),
    related: ['case-medisindispenser'],
    sdgs: [4, 10, 11],
    awards: [award(2019, 'stjael-med-stil', 'nominee')],
    problem: pt(`
      The branch libraries were open only a few hours a day, mostly while people were at work or at school. Students, commuters and families told us that they could rarely visit when the library was open.
    `),
    targetGroup:
      'Adult library users, students who need a quiet place to study, and local clubs that need a free meeting room.',
    solution: pt(`
      We borrowed the idea of the open library from Denmark, where many libraries have used it for years. Users register once, and can then enter with their library card and a PIN from 7 am to 10 pm. They borrow and return books at self-service machines. Staff are still present for part of the day, for guidance and events.
    `),
    results: pt(`
      - Opening hours went from 30 to 105 hours a week in the first two branches.
      - Visits rose by 45 percent in the first year.
      - Study places are now in use on weekday evenings and weekends.
    `),
    lessonsLearned: pt(`
      Some users felt unsafe at first in an unstaffed library. Better lighting, cameras at the entrance and clear information helped. Young people under 15 need a parent's consent, which we had not planned for from the start.
    `),
    reuse:
      'You need access control, self-service machines, cameras at the entrance and clear house rules. Talk to a library that has done it before – we are happy to host visits.',
    costs:
      'About 700,000 kroner per branch for access control, cameras and adaptations, partly covered by a national grant.',
  }),
  caseStudy({
    _id: 'case-elsykler-hjemmetjenesten',
    title: 'Elsykler i hjemmetjenesten',
    status: 'spreading',
    publishedAt: '2020-09-08T09:00:00.000Z',
    updatedAt: '2024-04-15T09:00:00Z',
    authors: ['person-ingrid-haugland', 'person-jonas-fjeld'],
    contact: 'person-ingrid-haugland',
    topics: ['topic-klima-og-miljo'],
    serviceAreas: ['serviceArea-helse-og-omsorg', 'serviceArea-teknikk-og-miljo'],
    partners: [
      'Hjemmetjenesten vest',
      'Klima og miljø',
      'En annen kommunes hjemmetjeneste',
      'Lokal sykkelforhandler',
    ],
    funding: ['Klimamidler', 'Lokale innovasjonsmidler'],
    excerpt:
      'Tolv elsykler erstattet tre biler i én hjemmetjeneste. De ansatte kommer ofte raskere fram, og utslippene går ned. Nå følger flere etter.',
    mainImage: image(
      'elsykkel',
      'Illustrasjon av en blå elsykkel med store hjul og et gult batteri på rammen.',
    ),
    related: ['post-forste-vinter-pa-elsykkel', 'project-delebiler-ansatte'],
    sdgs: [3, 11, 13],
    awards: [award(2020, 'stjael-med-stil', 'winner')],
    problem: pt(`
      Hjemmetjenesten brukte mange biler på korte turer i tett bebygde områder. Parkering tok tid, bilene ga utslipp, og leasingavtalene var dyre.
    `),
    targetGroup: 'Ansatte i hjemmetjenester som besøker brukere innenfor et avgrenset område.',
    solution: pt(`
      Etter et besøk hos en annen kommune som hadde prøvd elsykler, kjøpte vi inn tolv sykler med piggdekk, vesker for utstyr og tørkeskap. Ingen ble pålagt å sykle, og bil var alltid tilgjengelig som reserve.
    `),
    results: pt(`
      - Syklene ble brukt på 81 prosent av egnede ruter om sommeren og 58 prosent om vinteren.
      - Tre leasingbiler kunne sies opp.
      - Rundt fem tonn mindre CO₂ i året.
      - Ansatte rapporterer bedre form og mindre stress med parkering.
    `),
    lessonsLearned: pt(`
      Frivillighet var avgjørende. De som ville, smittet de andre. Vi undervurderte behovet for tørkeskap og vedlikehold, og måtte inngå en serviceavtale med en lokal sykkelforhandler etter første vinter.
    `),
    reuse:
      'Passer best der avstandene er korte. Sett av penger til piggdekk, tørkeskap og service, og la de ansatte prøve før dere kjøper mange.',
    costs:
      'Rundt 30 000 kroner per sykkel med utstyr, og om lag 40 000 kroner i året i service. Innsparingen på tre leasingbiler er større.',
  }),
  caseStudy({
    _id: 'case-klart-sprak-vedtaksbrev',
    title: 'Klart språk i vedtaksbrev',
    status: 'operational',
    publishedAt: '2022-05-30T09:00:00.000Z',
    authors: ['person-kari-solheim', 'person-anders-moe'],
    contact: 'person-kari-solheim',
    topics: ['topic-medvirkning', 'topic-digitalisering'],
    serviceAreas: [
      'serviceArea-organisasjon-og-styring',
      'serviceArea-bistand-og-sosiale-tjenester',
    ],
    partners: ['Tildelingskontoret', 'Språkrådet', 'Brukerrepresentanter'],
    funding: ['Innovasjonsmidler'],
    excerpt:
      'Innbyggerne forsto ikke vedtakene de fikk. Sammen med brukerne skrev vi malene om. Nå ringer færre for å spørre hva brevet betyr.',
    mainImage: image(
      'medvirkning',
      'Illustrasjon av mange fargerike snakkebobler i ulike størrelser spredt over en lys flate.',
    ),
    related: ['post-lup-120-av-200'],
    sdgs: [10, 16],
    awards: [award(2022, 'arets-innovasjon', 'winner')],
    problem: pt(`
      Vedtak om helse- og omsorgstjenester var skrevet i et tungt juridisk språk. Mange innbyggere ringet for å få forklart hva de hadde fått – eller ikke fått – og noen klaget fordi de misforsto vedtaket.
    `),
    targetGroup:
      'Innbyggere som søker om helse- og omsorgstjenester, og saksbehandlerne som skriver vedtakene.',
    solution: pt(`
      En gruppe saksbehandlere skrev om de tjue mest brukte vedtaksmalene sammen med brukerrepresentanter og med råd fra Språkrådet. Hvert brev starter nå med svaret, i én setning, før begrunnelsen.

      ### Et eksempel

      Før: *«Det fattes herved vedtak om tildeling av praktisk bistand i henhold til ...»*

      Etter: **«Du får hjelp til rengjøring hjemme annenhver uke.»**
    `),
    results: pt(`
      - Rundt 30 prosent færre telefoner med spørsmål om hva vedtaket betyr.
      - Færre klager som bygget på misforståelser.
      - Saksbehandlerne bruker mindre tid per vedtak, fordi malene er enklere.
    `),
    lessonsLearned: pt(`
      Juristene var i starten bekymret for at enklere språk ville gi mindre presise vedtak. Ved å ha dem med i arbeidet fra begynnelsen fant vi formuleringer som var både klare og juridisk holdbare.
    `),
    reuse:
      'Malene våre kan fritt brukes av andre kommuner. Sett sammen en gruppe med saksbehandlere, en jurist og brukere, og start med de malene som brukes mest.',
    costs: 'Om lag 250 000 kroner, hovedsakelig frikjøp av saksbehandlere i seks måneder.',
  }),
  caseStudy({
    _id: 'case-sykkelverksted-arbeidstrening',
    title: 'Sykkelverksted med arbeidstrening',
    status: 'operational',
    publishedAt: '2021-05-18T09:00:00.000Z',
    authors: ['person-amir-hassan'],
    contact: 'person-amir-hassan',
    topics: ['topic-sosialt-entreprenorskap', 'topic-klima-og-miljo'],
    serviceAreas: ['serviceArea-bistand-og-sosiale-tjenester', 'serviceArea-teknikk-og-miljo'],
    partners: ['Sosial entreprenør', 'NAV', 'Eiendom', 'Skolene'],
    funding: ['Innovasjonspartnerskap', 'Tilskudd til arbeidstrening'],
    excerpt:
      'En sosial entreprenør reparerer kommunens sykler og gir unge voksne arbeidstrening. Syklene blir brukt igjen, og deltakerne får jobb.',
    mainImage: image(
      'sosialt-entreprenorskap',
      'Illustrasjon av en spire som vokser opp mellom søyler som blir stadig høyere.',
    ),
    related: ['post-sosiale-entreprenorer', 'case-elsykler-hjemmetjenesten'],
    sdgs: [8, 10, 12],
    awards: [award(2021, 'arets-innovasjon', 'winner')],
    problem: pt(`
      Skolene og tjenestestedene hadde mange sykler som sto ubrukt fordi de trengte enkel reparasjon. Samtidig hadde NAV mange unge voksne som trengte arbeidstrening med tett oppfølging og ekte arbeidsoppgaver.
    `),
    targetGroup:
      'Unge voksne mellom 18 og 30 år som står utenfor arbeid og utdanning, og tjenestesteder med sykler som trenger vedlikehold.',
    solution: pt(`
      En sosial entreprenør driver et sykkelverksted i kommunale lokaler. Deltakerne lærer å reparere sykler under veiledning, og verkstedet har fast avtale om vedlikehold av kommunens sykler, inkludert elsyklene i hjemmetjenesten.
    `),
    results: pt(`
      - Over 400 sykler reparert det første året.
      - Sju av tolv deltakere i første kull gikk videre til jobb eller utdanning.
      - Kommunen fikk en lokal serviceavtale som var billigere enn før.
    `),
    lessonsLearned: pt(`
      Det tok nesten et år å få på plass en avtale som passet både anskaffelsesreglene og en liten virksomhet. Innovasjonspartnerskap var løsningen, men krever at noen i kommunen kan det godt.
    `),
    reuse:
      'Finn en sosial entreprenør med erfaring fra arbeidstrening, sørg for lokaler, og bruk innovasjonspartnerskap eller en mindre anskaffelse til å starte. Ta gjerne kontakt med oss for avtalemalene.',
    costs:
      'Kommunen stiller lokaler og betaler for vedlikeholdsoppdrag etter avtale. NAV finansierer arbeidstreningsplassene.',
  }),
  caseStudy({
    _id: 'case-ensomhet-blant-eldre',
    title: 'Ensomhet blant eldre: hva sier de selv?',
    status: 'insight',
    publishedAt: '2026-04-21T09:00:00.000Z',
    authors: ['person-kari-solheim', 'person-hanne-vik'],
    contact: 'person-kari-solheim',
    topics: ['topic-medvirkning', 'topic-velferdsteknologi'],
    serviceAreas: ['serviceArea-helse-og-omsorg', 'serviceArea-kultur-og-fritid'],
    partners: ['Eldrerådet', 'Frivilligsentralen', 'Biblioteket', 'Seniorsentrene'],
    funding: ['Innovasjons- og forskningsmidler'],
    excerpt:
      'Før vi lager flere tiltak mot ensomhet, spør vi eldre selv hva som hindrer dem i å være sammen med andre. Innsiktsarbeidet pågår.',
    mainImage: image(
      'medvirkning',
      'Illustrasjon av mange fargerike snakkebobler i ulike størrelser spredt over en lys flate.',
    ),
    related: ['project-ungdom-utanfor-fritid', 'case-open-library'],
    sdgs: [3, 10, 11],
    problem: pt(`
      Mange eldre sier at de er ensomme, og kommunen har allerede mange tilbud: seniorsentre, turgrupper, kafeer og besøksvenner. Likevel når tilbudene ofte de samme menneskene, mens de mest ensomme ikke kommer.
    `),
    targetGroup:
      'Hjemmeboende eldre over 75 år, særlig de som bor alene og ikke bruker dagens tilbud.',
    solution: pt(`
      Vi har ikke bestemt en løsning ennå. I denne fasen intervjuer vi eldre som bor alene, sammen med hjemmetjenesten og frivillige, og kartlegger hva som hindrer dem i å delta. Biblioteket tester samtidig små, uformelle møteplasser for å lære mer.
    `),
    results: pt(`
      Foreløpig har vi gjennomført 35 intervjuer. Transport, hørsel og det å ikke kjenne noen som allerede går, er de hindrene som går igjen oftest.
    `),
    lessonsLearned: pt(`
      Det er vanskelig å nå de mest ensomme, nettopp fordi de ikke er med på noe. Hjemmetjenesten og fastlegene har vært avgjørende for å komme i kontakt med dem.
    `),
    reuse:
      'Intervjuguiden og rekrutteringsrutinen kan deles allerede nå. Resultatene publiseres når innsiktsfasen er ferdig.',
    costs:
      'Om lag 300 000 kroner i innsiktsfasen, mest til frikjøp av ansatte og honorar til eldre som deltar i verksteder.',
  }),
];
