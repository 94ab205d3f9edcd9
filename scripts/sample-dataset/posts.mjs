/**
 * Posts (innlegg) of the sample dataset, oldest first, plus the two documents that must
 * never be published: a draft of an existing post and a post scheduled for 2030.
 */
import { callout, factBox, figure, image, pt, pullQuote, videoEmbed } from './helpers.mjs';

const post = (fields) => ({ _type: 'post', language: 'nb', related: [], ...fields });

export const posts = [
  post({
    _id: 'post-velkommen-til-tanketanken',
    title: 'Velkommen til Tanketanken',
    publishedAt: '2015-01-20T08:30:00.000Z',
    authors: ['person-kari-solheim'],
    topics: ['topic-ledelse-og-kultur', 'topic-medvirkning'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt:
      'Her deler vi det vi prøver ut i kommunen: det som virker, det som ikke virker, og alt det vi lærer underveis.',
    mainImage: image(
      'tanketanken',
      'Illustrasjon av en gjennomsiktig tank fylt med vann og bobler som stiger mot overflaten.',
    ),
    body: pt(`
      Hver dag finner ansatte i kommunen på nye måter å løse oppgavene sine på. En helsefagarbeider bytter rekkefølgen på besøkene for å slippe å krysse byen to ganger. En lærer lar elevene lage prøven selv. En miljøterapeut setter seg ned og spiller med en ungdom som ikke har snakket med en voksen på månedsvis. Det meste av dette blir aldri kjent utenfor avdelingen.

      Tanketanken er stedet der vi samler og deler slike erfaringer. Navnet sier noe om hva vi vil: en tank der idéene kan ligge og godgjøre seg, blandes med andres og komme ut som noe bedre.

      ## Hva du finner her

      - **Innlegg** om metoder, priser, arrangementer og ting vi har lært.
      - **Prosjekter** som følges over tid, med oppdateringer når noe skjer.
      - **Innovasjonscaser** – korte, faste beskrivelser av behov, løsning, resultater og kostnader, slik at andre kan gjenbruke det vi har gjort.

      ## Vi deler også det som gikk galt

      Å fortelle om feil er ikke like morsomt som å fortelle om suksess, men det er ofte mer nyttig. Vi kommer til å skrive om forsøk som ble lagt ned, og om hvorfor. Det sparer både oss og andre for å gå i den samme fella to ganger.

      ## Del videre

      Alt innhold her kan brukes fritt så lenge du oppgir kilden. Følg oss gjerne på Facebook, abonner på nyhetsstrømmen, eller ta kontakt hvis du vil vite mer om noe vi har skrevet. Har du selv en idé, er det bare å si fra til lederen din eller til oss i innovasjonsteamet.
    `),
  }),
  post({
    _id: 'post-klubben-for-gamere-tar-form',
    title: 'En klubb for gamere, laget av gamere',
    publishedAt: '2015-03-10T09:00:00.000Z',
    authors: ['person-thomas-berg', 'person-silje-aamodt'],
    topics: ['topic-ungdom-og-fritid', 'topic-medvirkning'],
    serviceAreas: ['serviceArea-kultur-og-fritid', 'serviceArea-oppvekst-og-skole'],
    excerpt:
      'Utekontakten og PPT fant ungdom som satt hjemme foran skjermen og ikke kom seg på skolen. Svaret ble å invitere dem ut – for å spille.',
    mainImage: image(
      'spillhuset',
      'Illustrasjon av en spillkontroller omgitt av fargerike piksler på lilla bakgrunn.',
    ),
    related: ['case-spillhuset-klubb-for-gamere', 'post-seminaret-om-gaming'],
    body: pt(`
      I desember 2014 satte Utekontakten og ressursgruppen i PPT seg ned sammen for første gang. Begge hadde lagt merke til det samme: en gruppe ungdommer, for det meste gutter mellom 13 og 18, som var lite eller ikke på skolen, ikke gikk på noen fritidsaktiviteter og tilbrakte mesteparten av døgnet med dataspill.

      Foreldrene var bekymret, og skolen visste ikke hva den skulle gjøre. De vanlige tilbudene – idrettslag, ungdomsklubb, samtaler på helsestasjonen – nådde ikke fram. Flere av ungdommene hadde sagt nei til alt.

      ## Å snu spørsmålet

      I stedet for å spørre «hvordan får vi dem bort fra skjermen?», begynte vi å spørre «hva er det de får til foran skjermen?». Svaret var overraskende mye: samarbeid i lag, strategisk tenkning, engelsk, utholdenhet og ofte et vennskap med folk de aldri har møtt.

      ## Hva vi skal prøve

      Vi skal starte en klubb der spillingen er selve tilbudet, ikke lokkematen. Ungdommene skal være med og bestemme hvordan klubben skal se ut, hvilke spill den skal ha og hvilke regler som skal gjelde. De voksne skal være der, spille med og være tilgjengelige – men ikke styre.

      - Første samling blir en kveld med pizza og LAN, der vi spør ungdommene hva de vil ha.
      - Vi inviterer foreldrene til et eget møte, slik at de får vite hva vi gjør og hvorfor.
      - Vi skriver ned hva vi lærer underveis, og deler det her.

      Vi vet ikke om det kommer til å virke. Men vi vet at det vi har gjort til nå, ikke har virket for denne gruppen. Følg med på [caset om klubben](ref:case-spillhuset-klubb-for-gamere) for resultatene.
    `),
  }),
  post({
    _id: 'post-seminaret-om-gaming',
    title: 'Seminaret som gjorde bekymring om til nysgjerrighet',
    publishedAt: '2015-05-06T10:15:00.000Z',
    authors: ['person-silje-aamodt'],
    topics: ['topic-ungdom-og-fritid', 'topic-laering'],
    serviceAreas: ['serviceArea-oppvekst-og-skole'],
    excerpt:
      'Lærere, helsesykepleiere, foreldre og ungdommer møttes for å snakke om gaming. Det viktigste innlegget kom fra en 15-åring.',
    mainImage: image(
      'gamere-om-gaming',
      'Illustrasjon av to snakkebobler, én mørk og én oransje, over et mønster av små firkanter.',
    ),
    related: ['post-klubben-for-gamere-tar-form'],
    body: pt(`
      Da vi inviterte til seminar om ungdom og dataspill, regnet vi med femti påmeldte. Det kom nesten hundre og seksti. Salen var full av lærere, helsesykepleiere, ansatte fra barnevernet, foreldre og – viktigst av alt – en god gjeng ungdommer. Mange av de voksne fortalte i pausen at de hadde kommet fordi de var bekymret, ikke fordi de var nysgjerrige.

      ## Fra forskning til stue

      Dagen startet med en gjennomgang av hva forskningen sier om spill og psykisk helse. Kort oppsummert: Det store flertallet som spiller mye, har det bra. For en liten gruppe blir spillingen et sted å gjemme seg, og da er spillet sjelden selve problemet, men et tegn på noe annet.

      Etterpå fortalte tre av ungdommene fra klubben om sin egen hverdag. En av dem sa noe som ble sittende i salen:

      > Dere spør alltid hvor lenge jeg spiller. Ingen har spurt hva jeg spiller, eller hvem jeg spiller med.

      ## Hva vi tok med oss

      - Voksne som har prøvd spillene selv, får bedre samtaler med ungdommene.
      - Foreldre trenger konkrete råd, ikke bare advarsler.
      - Skolen kan bruke det elevene kan fra spill, i stedet for å se på det som konkurranse.

      Flere av de frammøtte ba om å få besøk av ungdommene på sine egne foreldremøter. Det ble starten på det som senere fikk navnet [Gamere om Gaming](ref:project-gamere-om-gaming).
    `),
  }),
  post({
    _id: 'post-spillhuset-apner',
    title: 'Nå åpner Spillhuset på Arena Bekkestua',
    publishedAt: '2015-10-01T12:00:00.000Z',
    authors: ['person-thomas-berg'],
    topics: ['topic-ungdom-og-fritid'],
    serviceAreas: ['serviceArea-kultur-og-fritid'],
    excerpt:
      'Klubben for gamere har fått egne lokaler med tjue maskiner, konsoller og et lite kjøkken. Ungdommene har bestemt nesten alt.',
    mainImage: image(
      'spillhuset',
      'Illustrasjon av en spillkontroller omgitt av fargerike piksler på lilla bakgrunn.',
      {
        caption: 'Spillhuset har plass til tjue spillere samtidig.',
      },
    ),
    related: ['project-spillhuset-arena-bekkestua', 'case-spillhuset-klubb-for-gamere'],
    body: pt(
      `
      Etter et halvt år i lånte klasserom har klubben for og av gamere fått et eget sted. Fra i dag holder Spillhuset åpent i lokalene på Arena Bekkestua tre kvelder i uka.

      ## Ungdommene har bestemt

      Nesten alt i lokalet er valgt av medlemmene selv, fra hvilke spill som er installert til fargen på veggene. Det var også de som ønsket seg et kjøkken, fordi «man blir sulten av å spille fire timer», og de som skrev husreglene.
      `,
      figure(
        'gamere-om-gaming',
        'Illustrasjon av to snakkebobler over et mønster av små firkanter i varme farger.',
        'Husreglene ble skrevet av medlemmene på et allmøte i september.',
      ),
      `
      ### Åpningstider

      - Tirsdag og torsdag kl. 16–21
      - Fredag kl. 16–23, med turnering annenhver uke

      ## Film fra åpningen

      Ungdommene lager selv en kort film om hvorfor de ville ha sitt eget sted. I eksempeldataene peker lenken under til en demonstrasjonsvideo på YouTube, som viser hvordan en video vises i et innlegg; en kommune som tar Tanketanken i bruk, bytter den ut med sin egen film.
      `,
      videoEmbed(
        'https://www.youtube.com/watch?v=M7lc1UVf-VE',
        'Eksempelvideo: slik vises en film i et innlegg',
      ),
      `
      ## Hvem er det for?

      Spillhuset er for alle mellom 13 og 20 år, men vi har særlig tenkt på dem som ikke finner seg til rette i andre fritidstilbud. Noen kommer hver kveld, andre en gang i måneden. Mange har fått tips fra en lærer, helsesykepleier eller en venn fra et spill på nett. Det er alltid minst to voksne fra Utekontakten til stede, og de spiller like gjerne som de prater.

      Spillhuset er gratis. Du trenger ikke å være god i spill for å komme, bare å ha lyst til å være med. Foreldre er velkomne på åpen kveld den første tirsdagen i hver måned.
      `,
    ),
  }),
  post({
    _id: 'post-ti-millioner-til-innovasjon',
    title: 'Ti millioner kroner i året til innovasjon og forskning',
    publishedAt: '2016-01-12T08:00:00.000Z',
    authors: ['person-kari-solheim'],
    topics: ['topic-ledelse-og-kultur'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt:
      'Kommunestyret har satt av ti millioner kroner hvert år til innovasjon og forskning. Her er hva pengene går til, og hvordan du søker.',
    mainImage: image(
      'innovasjonsmidler',
      'Illustrasjon av stabler med gullmynter som blir høyere fra venstre mot høyre.',
    ),
    related: ['post-lokale-innovasjonsmidler', 'post-blt-metoden'],
    body: pt(
      `
      Fra og med i år setter kommunen av ti millioner kroner i året til innovasjon og forskning. Pengene skal gjøre det lettere å prøve ut nye løsninger uten at det går ut over den daglige driften.
      `,
      factBox('Innovasjonsmidlene i korte trekk', [
        '10 millioner kroner i året',
        'Kan søkes av alle tjenestesteder',
        'Dekker utprøving, forskning og frikjøp av ansatte',
        'Søknadsfrist to ganger i året: 1. mars og 1. oktober',
      ]),
      `
      ## Hva kan det søkes om?

      - Frikjøp av ansatte som skal jobbe med et prosjekt
      - Utprøving av teknologi eller nye arbeidsmåter
        - innkjøp av utstyr til en avgrenset test
        - innleid kompetanse, for eksempel tjenestedesign
      - Samarbeid med forskningsmiljøer og høyskoler
      - Spredning av løsninger som allerede virker ett sted

      ## Hva kan det ikke søkes om?

      Ordinær drift, vedlikehold og innkjøp som skulle vært gjort uansett. Pengene skal gi rom til å prøve noe nytt, ikke tette hull i budsjettet.

      ## Hvem bestemmer?

      Et tverrfaglig råd med representanter fra alle tjenesteområdene, tillitsvalgte og innovasjonsteamet går gjennom søknadene. Rådet legger vekt på tre ting: at behovet er godt beskrevet, at testen er realistisk, og at resultatene kan deles med andre. Prosjekter som kan brukes av flere tjenestesteder, blir prioritert.
      `,
      callout(
        'info',
        'Søknaden skal vise hvilket behov dere vil løse, og hvordan dere skal teste om løsningen virker. Bruk gjerne B-L-T-malen.',
      ),
      `
      ## Hva vi forventer tilbake

      Alle som får midler, skal dele erfaringene sine – også når forsøket ikke ga det resultatet dere håpet på. En kort rapport og et innlegg her på Tanketanken er nok. Det er slik pengene kommer flere enn ett tjenestested til gode.

      Les mer om [B-L-T-metoden](ref:post-blt-metoden) vi bruker i søknadene, eller ta kontakt med innovasjonsteamet på [tanketanken@tanketanken.example](mailto:tanketanken@tanketanken.example).
      `,
    ),
  }),
  post({
    _id: 'post-blt-metoden',
    title: 'B-L-T: behov, løsning, test',
    publishedAt: '2016-02-15T09:30:00.000Z',
    authors: ['person-kari-solheim', 'person-anders-moe'],
    topics: ['topic-ledelse-og-kultur', 'topic-medvirkning'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt:
      'Tre bokstaver som hjelper oss å starte i riktig ende: Hvem har behovet? Hva er den enkleste løsningen? Og hvordan finner vi ut om den virker?',
    mainImage: image(
      'blt-metoden',
      'Tre overlappende sirkler i rødt, blått og gult over en pil som peker mot høyre.',
    ),
    related: ['case-frivillighetsappen', 'post-ti-millioner-til-innovasjon'],
    body: pt(
      `
      Mange gode prosjekter starter med en løsning. Noen har sett en app, en robot eller en ny måte å organisere arbeidet på, og vil gjerne prøve den. Det er lett å forstå – men det er også den vanligste grunnen til at prosjekter stopper opp. B-L-T er vår måte å tvinge oss selv til å starte i riktig ende.

      ## De tre stegene

      1. **Behov.** Hvem har et problem, og hvordan vet vi det? Snakk med minst fem personer som har behovet, før dere bestemmer noe som helst.
      2. **Løsning.** Hva er den enkleste tingen vi kan gjøre for å møte behovet? Skisser flere alternativer, og velg den som er billigst å prøve.
      3. **Test.** Hvordan skal vi vite om løsningen virker? Bestem på forhånd hva dere skal måle, hvor lenge testen skal vare og hva som skal til for å stoppe.
      `,
      callout(
        'tip',
        'Skriv ned hva som skal til for å stoppe, før dere starter. Da blir det mye lettere å avslutte et forsøk som ikke virker.',
      ),
      `
      ## Hvorfor det virker

      Metoden er enkel nok til at den kan brukes på et personalmøte, og streng nok til at den avslører svake idéer tidlig. Den gir også lederne et felles språk: Når noen spør om penger fra innovasjonsmidlene, spør vi først etter B-en.

      ### Et eksempel

      Hjemmetjenesten ville kjøpe nettbrett til alle ansatte. Da de snakket med de ansatte, viste det seg at det største problemet ikke var utstyret, men at det tok tjue minutter å finne fram i journalen. Løsningen ble en ny mal, ikke nye nettbrett – og den kostet ingenting.

      Vi lærte mye av at vi ikke alltid har fulgt metoden selv. Les om [frivillighetsappen](ref:case-frivillighetsappen) som ble utviklet før noen hadde spurt de frivillige.
      `,
    ),
  }),
  post({
    _id: 'post-foreldremote-gamere-om-gaming',
    title: 'Foreldremøtet der barna var ekspertene',
    publishedAt: '2016-04-20T11:00:00.000Z',
    authors: ['person-silje-aamodt'],
    topics: ['topic-ungdom-og-fritid', 'topic-laering'],
    serviceAreas: ['serviceArea-oppvekst-og-skole', 'serviceArea-kultur-og-fritid'],
    excerpt:
      'Gamere om Gaming har holdt over tretti foreldremøter. Ungdommene forteller, de voksne spør – og mange tar for første gang en spillkontroller i hånda.',
    mainImage: image(
      'gamere-om-gaming',
      'Illustrasjon av to snakkebobler, én mørk og én oransje, over et mønster av små firkanter.',
    ),
    related: ['project-gamere-om-gaming'],
    body: pt(
      `
      Et vanlig foreldremøte om skjermbruk går omtrent slik: En fagperson viser statistikk, foreldrene nikker og får dårlig samvittighet, og alle går hjem uten å ha snakket med et eneste barn. Gamere om Gaming snur det rundt.

      ## Slik foregår det

      To eller tre ungdommer fra Spillhuset kommer sammen med en voksen fra Utekontakten eller PPT. Ungdommene viser fram spillene de liker, forklarer hva som er morsomt og hva som kan bli vanskelig. Så får foreldrene prøve selv. Etterpå er det spørsmål – og ungdommene svarer ærlig, også når spørsmålene er ubehagelige.
      `,
      pullQuote(
        'Jeg har kranglet med sønnen min om det spillet i to år. I kveld skjønte jeg for første gang hvorfor han ikke kan trykke pause midt i en kamp.',
        'Mor på foreldremøte, vår 2016',
      ),
      `
      ## Det foreldrene spør mest om

      - Hvor mye er for mye?
      - Hvordan vet jeg om spillingen er et problem?
      - Hva gjør jeg med aldersgrensene når alle vennene spiller?
      - Hvordan kan jeg bli med i stedet for bare å si nei?

      Ungdommene har ikke alle svarene, men de har noe fagfolk mangler: troverdighet. Når en 16-åring sier at han selv ble for mye borte i et spill, og forteller hva som hjalp, lytter foreldrene på en annen måte.

      ## Hva ungdommene får ut av det

      Det er lett å glemme at møtene også betyr mye for dem som holder dem. Flere av ungdommene har aldri stått foran en sal før. Etter noen runder forteller de at de har blitt tryggere på seg selv, og at det føles godt å bli tatt på alvor av voksne som ikke kjenner dem.

      Ønsker skolen eller barnehagen din besøk? Les mer om [prosjektet](ref:project-gamere-om-gaming).
      `,
    ),
  }),
  post({
    _id: 'post-innovasjonsprisen-2016',
    title: 'Innovasjonsprisen 2016: 48 bidrag og én klar vinner',
    publishedAt: '2016-11-24T14:00:00.000Z',
    authors: ['person-kari-solheim'],
    topics: ['topic-ungdom-og-fritid', 'topic-ledelse-og-kultur'],
    serviceAreas: ['serviceArea-organisasjon-og-styring', 'serviceArea-kultur-og-fritid'],
    excerpt:
      'Klubben for og av gamere vant årets innovasjonspris. Juryen hadde 48 bidrag å velge mellom – flere enn noen gang.',
    mainImage: image(
      'innovasjonsprisen',
      'Illustrasjon av en gul stjerne med stråler i varme farger mot mørk bakgrunn.',
    ),
    related: ['case-spillhuset-klubb-for-gamere', 'post-stjael-med-stil'],
    body: pt(
      `
      Da juryen samlet seg i oktober, lå det 48 bidrag på bordet. De kom fra sykehjem og skoler, fra vaktmestere og saksbehandlere, og spente fra små endringer i en arbeidsrutine til store prosjekter med forskningspartnere. Valget var vanskelig, men juryen ble til slutt enige.

      ## Vinneren: klubben for og av gamere

      Årets innovasjon ble [ungdomsklubben for gamere](ref:case-spillhuset-klubb-for-gamere), utviklet av Utekontakten og PPT. Juryen trakk fram at prosjektet tok utgangspunkt i en gruppe ungdom som ingen andre tilbud nådde, og at ungdommene selv har vært med på å utforme alt.
      `,
      figure(
        'innovasjonsprisen',
        'Illustrasjon av en gul stjerne med stråler i varme farger.',
        'Prisen ble delt ut på ledersamlingen i november.',
      ),
      `
      ### Fra juryens begrunnelse

      > Vinneren viser at innovasjon ikke først og fremst handler om teknologi, men om å se et behov med nye øyne. De har møtt ungdommene der de er, gjort dem til eksperter og spredt det de har lært til foreldre, skoler og sykehus.

      ## Tre kategorier

      Prisen deles ut i tre kategorier: **Årets innovasjon**, **Stjæl med stil** for den beste gjenbruken av en løsning fra andre, og **Beste feil** for det forsøket vi har lært mest av. Alle ansatte kan nominere, og det er lov å nominere seg selv.

      Juryen la også merke til hvor mange bidrag som kom fra tjenestesteder som aldri hadde sendt inn noe før.

      Takk til alle som sendte inn bidrag. Vi kommer til å skrive om flere av dem her på Tanketanken det neste året.
      `,
    ),
  }),
  post({
    _id: 'post-stjael-med-stil',
    title: 'Stjæl med stil: Hvorfor vi premierer kopiering',
    publishedAt: '2017-03-08T09:00:00.000Z',
    authors: ['person-kari-solheim'],
    topics: ['topic-ledelse-og-kultur'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt:
      'Den beste idéen er ofte en som allerede er testet et annet sted. Derfor har innovasjonsprisen en egen kategori for å stjele godt.',
    mainImage: image(
      'deling',
      'Illustrasjon av lysende prikker på mørkeblå bakgrunn, forbundet med buer til et gult knutepunkt.',
    ),
    related: ['case-medisindispenser', 'post-innovasjonsprisen-2016'],
    body: pt(`
      Det finnes over 400 kommuner i Norge, og nesten alle løser de samme oppgavene. Likevel bruker vi mye tid på å finne opp ting som andre allerede har funnet opp. Kategorien Stjæl med stil er vår måte å si at det er minst like fint å ta i bruk en god løsning som å lage en ny.

      ## Hva det vil si å stjele med stil

      - Du finner en løsning som virker et annet sted.
      - Du tar kontakt med dem som laget den, og lærer av erfaringene deres.
      - Du tilpasser den til våre forhold, i stedet for å kopiere den blindt.
      - Du forteller åpent hvor du fant den, og deler det du lærer tilbake.

      Det siste punktet er viktig. Å stjele med stil betyr å gi kreditt, og gjerne å gjøre løsningen litt bedre for neste kommune som vil ta den i bruk.

      ## Et godt eksempel

      Hjemmetjenesten så at en nabokommune hadde fått gode resultater med elektroniske medisindispensere. I stedet for å starte et eget forprosjekt reiste de på besøk, fikk låne rutinene og opplæringsmateriellet, og hadde de første dispenserne i drift etter tre måneder. Les mer i [caset om medisindispenserne](ref:case-medisindispenser).

      ## Hvor finner man noe å stjele?

      Se etter i nettverkene til KS, i andre kommuners innovasjonsblogger og på konferanser. Og ikke glem kollegaene i ditt eget hus: Det som virker i én hjemmetjeneste, er ofte ukjent i den neste.
    `),
  }),
  post({
    _id: 'post-spill-i-laereplanen',
    title: 'Fra fritid til fag: spill i undervisningen',
    publishedAt: '2017-06-12T08:45:00.000Z',
    authors: ['person-silje-aamodt', 'person-marte-lien'],
    topics: ['topic-laering', 'topic-ungdom-og-fritid'],
    serviceAreas: ['serviceArea-oppvekst-og-skole'],
    excerpt:
      'Erfaringene fra Spillhuset har tatt veien inn i klasserommet. Et lærerteam har laget et undervisningsopplegg der spill er både verktøy og tema.',
    mainImage: image(
      'laering',
      'Illustrasjon av en rad med bokrygger i ulike farger og en gul sol i bakgrunnen.',
    ),
    related: ['case-spillhuset-klubb-for-gamere', 'post-seminaret-om-gaming'],
    body: pt(`
      Da ungdommene fra Spillhuset besøkte lærerne på planleggingsdagen i fjor høst, var det én lærer som spurte: «Hvorfor bruker vi ikke dette i timene?» Ett år senere har et team av lærere og PPT laget et opplegg som nå er prøvd ut på to ungdomsskoler.

      ## Tre innganger

      ### Spill som verktøy

      Elevene bruker et byggespill til å lage modeller av bygninger i arealplanlegging i samfunnsfag, og et strategispill til å forstå ressursfordeling. Lærerne har valgt spill som kan brukes uten at alle elever må ha egen konto hjemme.

      ### Spill som tema

      I norsk og samfunnsfag analyserer elevene fortellingene i spill, på samme måte som de analyserer noveller og filmer. De diskuterer også hvordan spillselskaper tjener penger, og hva det gjør med spilldesignet.

      ### Spill som kompetanse

      Mange elever kan mer enn lærerne tror: samarbeid på tvers av språk, planlegging og det å tåle å tape. Opplegget gir elevene anledning til å vise og sette ord på det.

      ## Hva vi lærte

      - Lærerne trenger tid til å prøve spillene selv før de bruker dem i klassen.
      - Elever som sjelden markerer seg, tok ofte en ledende rolle.
      - Noen foreldre var skeptiske. Et informasjonsbrev med forklaring på hvorfor og hvordan hjalp.

      Opplegget deles fritt med andre skoler. Ta kontakt med PPT hvis du vil ha det.
    `),
  }),
  post({
    _id: 'post-lokale-innovasjonsmidler',
    title: 'Lokale innovasjonsmidler: små summer, store endringer',
    publishedAt: '2017-09-18T10:00:00.000Z',
    authors: ['person-kari-solheim'],
    topics: ['topic-ledelse-og-kultur', 'topic-medvirkning'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt:
      'Ikke alle idéer trenger en stor søknad. Med lokale innovasjonsmidler kan et tjenestested få inntil 50 000 kroner på en uke.',
    mainImage: image('verksted', 'Fargerike lapper med notater på en vegg etter et idéverksted.'),
    related: ['post-ti-millioner-til-innovasjon'],
    body: pt(`
      Da vi startet med innovasjonsmidler, var søknadsprosessen lik for alle, enten det gjaldt en million kroner eller et par tusenlapper. Søknadsskjemaet var på ~~åtte~~ elleve sider. Mange små og lovende forsøk ble aldri søkt om, fordi det tok for lang tid å skrive søknaden.

      ## Slik fungerer de lokale midlene

      Hvert tjenesteområde har nå en egen pott. Tjenestestedene kan søke om inntil 50 000 kroner med et skjema på én side, og får svar innen en uke. Kravet er at dere beskriver behovet, hva dere vil prøve og hvordan dere vil vite om det virket.

      ## Hva pengene har gått til

      - En barnehage kjøpte inn enkle sensorer for å måle luftkvaliteten på hvilerommet.
      - Et sykehjem testet om fast musikk ved måltidene ga roligere stemning på skjermet avdeling.
      - Biblioteket lånte ut lesebrett med stor skrift til beboere i omsorgsboliger.
      - Et bofellesskap frikjøpte to ansatte i en uke for å lage bildebaserte dagsplaner sammen med beboerne.

      Ikke alt har virket. Musikken ved måltidene ga roligere stemning på én avdeling, men ikke på en annen, og vi vet fortsatt ikke helt hvorfor. Men summene er så små at det er greit, og vi får vite svaret raskt. Det er akkurat poenget.

      *Lokale midler kan søkes når som helst – spør lederen din eller tjenesteområdets innovasjonskontakt.*
    `),
  }),
  post({
    _id: 'post-digitalt-tilsyn-natt',
    language: 'nn',
    title: 'Korleis vi testa digitalt tilsyn om natta',
    publishedAt: '2018-02-14T09:00:00.000Z',
    authors: ['person-solveig-ronning', 'person-erik-nygard'],
    topics: ['topic-velferdsteknologi'],
    serviceAreas: ['serviceArea-helse-og-omsorg'],
    excerpt:
      'Mange eldre vaknar når nattevakta opnar døra for å sjå til dei. No kan tilsynet skje utan at nokon treng å gå inn.',
    mainImage: image(
      'digitalt-tilsyn',
      'Illustrasjon av hus om natta med nokre få opplyste vindauge og ein måne på himmelen.',
    ),
    related: ['case-digitalt-nattilsyn'],
    body: pt(`
      Klokka er tre om natta. Nattevakta i heimetenesta låser seg inn hos ein 87 år gammal mann for å sjå at alt er i orden. Han vaknar, blir forvirra og får ikkje sove att. Neste dag er han trøytt og uroleg. Slik var det for mange av brukarane våre – heilt til vi prøvde noko nytt.

      ## Kva vi prøvde

      Saman med brukarane og pårørande testa vi eit digitalt tilsyn: ein liten sensor som viser ein enkel strekfigur av personen i rommet, men ikkje eit bilete. Nattevakta ser om brukaren ligg i senga, har stått opp eller har falle. Berre når noko ser ut til å vere gale, går nokon inn.

      ## Det vi lærte

      - Brukarane sov betre, og fleire av dei fortalde at dei var mindre redde om natta.
      - Nattevaktene sparte tid på køyring og kunne bruke meir tid hos dei som trong det.
      - Samtykke tok tid. Nokre pårørande var skeptiske til «kamera», sjølv om sensoren ikkje tek bilete. Det hjelpte å vise fram nøyaktig kva nattevakta ser.

      ## Vidare

      Etter testen har digitalt tilsyn vorte ein fast del av tenestetilbodet, og nattevaktene har sjølve vore med på å lage rutinane for når dei skal rykkje ut. Les meir i [caset om digitalt nattilsyn](ref:case-digitalt-nattilsyn), der du òg finn kostnadene og kva andre kommunar treng for å kome i gang.
    `),
  }),
  post({
    _id: 'post-beste-feil',
    title: 'Beste feil: prisen ingen vil vinne, men alle trenger',
    publishedAt: '2018-11-22T13:30:00.000Z',
    authors: ['person-kari-solheim'],
    topics: ['topic-ledelse-og-kultur', 'topic-digitalisering'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt:
      'Årets Beste feil gikk til frivillighetsappen som ingen lastet ned. Vi forteller hvorfor en mislykket app fortjener en pris.',
    mainImage: image(
      'beste-feil',
      'Mønster av lyse fliser der noen få røde fliser har sprukket og vridd seg ut av rekken.',
    ),
    related: ['case-frivillighetsappen', 'post-blt-metoden'],
    body: pt(`
      Det er ikke hver dag at noen går opp på en scene for å ta imot en pris for noe som ikke virket. Men det var akkurat det som skjedde på ledersamlingen i november, da prosjektgruppen bak frivillighetsappen fikk prisen for Beste feil.

      ## Hva gikk galt?

      Appen skulle gjøre det enklere for frivillige å melde seg til oppdrag på sykehjemmene. Den var godt laget, testet for universell utforming og klar til bruk etter et halvt år. Problemet var at nesten ingen av de frivillige ville bruke den. De fleste var over 65 år, hadde gode rutiner med telefon og oppslagstavle, og så ikke noe behov for en app.

      ## Hvorfor fortjener det en pris?

      Fordi prosjektgruppen gjorde tre ting riktig, selv om appen var feil:

      - De målte faktisk bruken, i stedet for å anta at den var god.
      - De stoppet prosjektet da tallene var klare, i stedet for å bruke mer penger på markedsføring.
      - De skrev ærlig om hva de hadde lært, slik at andre slipper å gjøre det samme.

      Den viktigste lærdommen er at de startet med løsningen. Hadde de snakket med de frivillige først – B-en i [B-L-T](ref:post-blt-metoden) – ville de ha oppdaget det samme på en uke, ikke et halvt år.

      **Beste feil** finnes fordi vi vil ha flere forsøk, ikke færre. Skal vi tørre å prøve, må det være trygt å fortelle når det ikke gikk. Hele historien står i [caset om frivillighetsappen](ref:case-frivillighetsappen).
    `),
  }),
  post({
    _id: 'post-lup-120-av-200',
    title: 'LUP: 120 av 200 tjenestesteder har vært med',
    publishedAt: '2019-05-14T08:00:00.000Z',
    authors: ['person-anders-moe'],
    topics: ['topic-ledelse-og-kultur', 'topic-laering'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt:
      'Lederutviklingsprogrammet LUP har nådd 120 av kommunens rundt 200 tjenestesteder. Hver leder har tatt med seg et eget innovasjonsprosjekt.',
    mainImage: image(
      'lederutvikling',
      'Illustrasjon av et nettverk av sirkler i ulike størrelser, forbundet med tynne linjer.',
    ),
    related: ['project-lup-lederutvikling'],
    body: pt(`
      Da LUP startet, var målet at ledere skulle lære å lede innovasjon, ikke bare lære om det. Derfor kommer ingen på programmet uten et konkret prosjekt fra sitt eget tjenestested. Nå har ledere fra 120 av kommunens rundt 200 tjenestesteder vært gjennom programmet.

      ## Hva LUP er

      Programmet går over et år med fem samlinger. Mellom samlingene jobber lederne med prosjektet sitt sammen med egne ansatte og en fast lederpartner fra et annet tjenesteområde. En sykehjemsleder kan være partner med en rektor, og en leder i barnevernet med en driftssjef på vei.

      ## Hva lederne sier de har lært

      - Å spørre de ansatte og brukerne før de bestemmer seg for en løsning.
      - Å teste smått og billig i stedet for å planlegge lenge.
      - At det er lov å avslutte et prosjekt som ikke virker.
      - At andre tjenesteområder ofte har løst et lignende problem.

      ## Prosjektene

      Over halvparten av prosjektene fra LUP lever videre etter programmet. Noen har blitt innovasjonscaser her på Tanketanken, blant annet [elevrådet som innovasjonsteam](ref:case-elevradet-innovasjonsteam) og [klart språk i vedtaksbrev](ref:case-klart-sprak-vedtaksbrev).

      ## Hva vi vil gjøre bedre

      Ikke alt har gått etter planen. Ledere med mange ansatte og lite administrativ støtte har strevd med å finne tid til prosjektet mellom samlingene. Fra neste kull får hver deltaker derfor tilbud om tjue timer med hjelp fra innovasjonsteamet.

      Målet er at alle tjenestesteder skal ha hatt en leder gjennom programmet innen 2022. Neste kull starter i september.
    `),
  }),
  post({
    _id: 'post-sosiale-entreprenorer',
    title: 'Sosiale entreprenører som samarbeidspartnere',
    publishedAt: '2019-09-03T09:15:00.000Z',
    authors: ['person-amir-hassan'],
    topics: ['topic-sosialt-entreprenorskap'],
    serviceAreas: ['serviceArea-bistand-og-sosiale-tjenester'],
    excerpt:
      'Sosiale entreprenører løser problemer kommunen strever med. Likevel er det vanskelig å samarbeide med dem. Nå prøver vi å gjøre det enklere.',
    mainImage: image(
      'sosialt-entreprenorskap',
      'Illustrasjon av en spire som vokser opp mellom søyler som blir stadig høyere.',
    ),
    related: ['case-sykkelverksted-arbeidstrening'],
    body: pt(`
      En sosial entreprenør er en som starter en virksomhet for å løse et samfunnsproblem, og som bruker overskuddet på å løse det enda bedre. Mange av dem jobber med det samme som kommunen: arbeid for dem som står utenfor, møteplasser for ensomme, hjelp til barn i familier med lav inntekt.

      ## Hvorfor det er vanskelig

      Kommunen er vant til å kjøpe tjenester gjennom store anbud med lange frister og mange krav. En liten virksomhet med tre ansatte har sjelden kapasitet til å svare på dem. Samtidig er det vanskelig for oss å kjøpe noe som ikke finnes fra før, og som ingen kan beskrive nøyaktig på forhånd.

      ## Hva vi gjør nå

      - Vi har en fast kontaktperson for sosiale entreprenører, slik at de vet hvem de skal ringe.
      - Vi holder åpne møter to ganger i året der tjenestestedene forteller om behov, og entreprenørene kan komme med forslag.
      - Vi prøver ut innovasjonspartnerskap og mindre, avgrensede kjøp for å teste løsninger før vi eventuelt lyser ut større kontrakter.

      ## Hva entreprenørene sier

      Flere av dem vi har snakket med, forteller at de har brukt mer tid på å finne ut hvem i kommunen de skal snakke med, enn på å utvikle tilbudet sitt. Andre har opplevd at en god dialog med ett tjenestested stoppet da lederen byttet jobb. Begge deler er vårt ansvar å gjøre noe med.

      Et av de første resultatene er [sykkelverkstedet](ref:case-sykkelverksted-arbeidstrening), der unge voksne får arbeidstrening ved å reparere kommunens sykler.

      Driver du en sosial virksomhet og lurer på om vi kan samarbeide? Skriv til [amir.hassan@tanketanken.example](mailto:amir.hassan@tanketanken.example).
    `),
  }),
  post({
    _id: 'post-sharing-with-kommune-norge',
    language: 'en',
    title: 'Why we share our innovation work openly',
    publishedAt: '2020-01-27T10:00:00.000Z',
    authors: ['person-lena-holt'],
    topics: ['topic-ledelse-og-kultur', 'topic-digitalisering'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt:
      'Our blog, our Facebook page and the shared case library are all open. Here is why a Norwegian municipality gives its ideas away.',
    mainImage: image(
      'deling',
      'Illustration of bright dots on a dark blue background, linked by arcs to a yellow hub.',
      { credit: 'Illustration: Tanketanken' },
    ),
    related: ['post-stjael-med-stil', 'post-slik-deler-vi'],
    body: pt(`
      Norway has 356 municipalities. Each of them runs schools, nursing homes, home care, libraries and roads, and each of them faces much the same problems. When one municipality finds a better way of doing something, the others could in principle use it the next day. In practice, this rarely happens.

      ## What we share

      - **The blog.** Tanketanken is where we write about methods, projects and prizes, in Norwegian and now and then in English.
      - **The case library.** Every innovation case follows the same structure – need, solution, results, lessons, costs and what it takes to reuse it – so that other municipalities can compare and copy.
      - **Facebook.** Short updates, photos from workshops and links to new cases reach many employees who never read a blog.
      - **Networks.** We present our work in regional and national networks for municipalities, and we invite visitors to see the solutions in use.

      ## Why we do it

      First, because most of what we have built started as something we saw elsewhere. Our prize category *Stjæl med stil* (Steal with style) exists to reward exactly that. Sharing back is only fair.

      Second, because writing things down makes us better. A case that has to explain its costs and its failures to strangers is a case we understand better ourselves.

      Third, because the failures are the most valuable part. A municipality that knows why our volunteer app failed will not have to spend six months finding out.

      Everything on the site is published under an open licence. Use it, adapt it, and tell us what you learned.
    `),
  }),
  post({
    _id: 'post-digital-pa-en-uke',
    title: 'Da alt måtte bli digitalt på en uke',
    publishedAt: '2020-04-16T07:30:00.000Z',
    authors: ['person-kari-solheim', 'person-ingrid-haugland'],
    topics: ['topic-digitalisering', 'topic-velferdsteknologi'],
    serviceAreas: ['serviceArea-helse-og-omsorg', 'serviceArea-organisasjon-og-styring'],
    excerpt:
      'I mars stengte landet ned. På få dager flyttet møter, dagsenter og pårørendekontakt over på skjerm. Her er hva vi lærte.',
    mainImage: image(
      'ruter',
      'Illustrasjon av et rutenett av gater med fargede ruter tegnet inn mellom punkter.',
    ),
    related: ['post-digitalt-tilsyn-natt'],
    body: pt(
      `
      Fredag 13. mars var de fleste møtene i kommunen fysiske. Fredagen etter var nesten alle digitale. Det gikk ikke fordi vi hadde en plan, men fordi ansatte over hele organisasjonen fant løsninger selv.

      ## Det som skjedde

      - Dagsenteret for personer med demens sendte ut nettbrett og holdt felles trim og allsang på skjerm.
      - Sykehjemmene fikk på plass videosamtaler med pårørende i løpet av fire dager.
      - Skolene gikk over til hjemmeundervisning, og lærerne delte opplegg med hverandre på tvers av skolene.
      - Hjemmetjenesten planla rutene på nytt hver morgen for å holde smittekontakten nede.

      ## Det vi må huske

      Mye av det vi fikk til, hadde vi diskutert i årevis, uten å komme i gang. Plutselig var det ikke lenger et spørsmål om *om*, men om *hvordan*. Samtidig ble det tydelig hvem som faller utenfor når alt blir digitalt: de som ikke har utstyr, ikke har nett, eller ikke får det til.
      `,
      callout(
        'warning',
        'Vi tok i bruk verktøy raskt, og ikke alle ble vurdert for personvern og informasjonssikkerhet på forhånd. Det arbeidet må tas nå, før de midlertidige løsningene blir permanente.',
      ),
      `
      ## Et lite verktøytips

      Mange spurte hvordan man deler en møtelenke trygt. Kort svar: Bruk kalenderinvitasjonen, ikke en lenke i en åpen Facebook-gruppe, og slå på venterom. I de fleste systemene heter innstillingen noe sånt som \`lobby\` eller \`waiting room\`.

      Vi samler erfaringene fra disse ukene og kommer tilbake med en oppsummering når hverdagen har roet seg litt.
      `,
    ),
  }),
  post({
    _id: 'post-forste-vinter-pa-elsykkel',
    title: 'Første vinter på elsykkel i hjemmetjenesten',
    publishedAt: '2021-03-02T08:00:00.000Z',
    authors: ['person-ingrid-haugland', 'person-jonas-fjeld'],
    topics: ['topic-klima-og-miljo'],
    serviceAreas: ['serviceArea-helse-og-omsorg', 'serviceArea-teknikk-og-miljo'],
    excerpt:
      'Vi trodde syklene ville bli stående fra november til mars. I stedet syklet de ansatte gjennom snø og slaps – med noen viktige forbehold.',
    mainImage: image(
      'elsykkel',
      'Illustrasjon av en blå elsykkel med store hjul og et gult batteri på rammen.',
    ),
    related: ['case-elsykler-hjemmetjenesten'],
    body: pt(`
      Da hjemmetjenesten vest fikk tolv elsykler i fjor vår, var de fleste enige om at det var en god sommerløsning. Vinteren ville vi ta når den kom. Nå har den kommet og gått, og resultatet overrasket oss.

      ## Tallene

      Fra desember til februar ble syklene brukt på 58 prosent av rutene der de var et alternativ, mot 81 prosent om sommeren. Det er lavere, men langt høyere enn vi hadde trodd. De ansatte som syklet, rapporterte at de ofte kom raskere fram enn med bil, fordi de slapp å lete etter parkering.

      ## Det som måtte til

      - **Piggdekk.** Uten dem ville ingen ha syklet i januar.
      - **Tørkeskap.** Våte klær i en hel vakt er ikke greit. Vi fikk låne to tørkeskap fra en barnehage.
      - **Frivillighet.** Ingen ble pålagt å sykle. Det gjorde det lettere for dem som ville.
      - **Bil i reserve.** På de verste dagene ble det bil, og det var helt i orden.

      ## Det de ansatte sier

      Flere forteller at de har fått bedre form, og at det er godt å komme ut i frisk luft mellom besøkene. Noen syntes det var tungt i starten, særlig i bakkene, men elmotoren gjør mer enn de hadde trodd. Brukerne har også lagt merke til syklene, og mange spør om dem.

      ## Hva nå?

      Vi regner med at syklene kutter rundt fem tonn CO₂ i året for denne ene hjemmetjenesten, og bilparken kan reduseres med tre biler. Flere hjemmetjenester vil nå prøve det samme. Mer om resultatene i [caset om elsykler](ref:case-elsykler-hjemmetjenesten).
    `),
  }),
  post({
    _id: 'post-fem-ting-om-a-dele-feil',
    language: 'nn',
    title: 'Fem ting vi har lært av å dele feil',
    publishedAt: '2021-10-11T09:00:00.000Z',
    authors: ['person-solveig-ronning'],
    topics: ['topic-ledelse-og-kultur'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt:
      'Sidan 2016 har vi delt ut prisen Beste feil. Her er fem ting vi har lært om å snakke ope om det som ikkje gjekk som planlagt.',
    mainImage: image(
      'fjord',
      'Illustrasjon av fjell i lag etter lag ned mot ein blå fjord i kveldslys.',
    ),
    related: ['post-beste-feil', 'case-smarte-avfallsbeholdere'],
    body: pt(`
      Då vi starta med prisen Beste feil, var det mange som lo. Kven vil vel vinne ein pris for å ha mislukkast? Fem år seinare får vi fleire nominasjonar i denne kategorien enn i nokon av dei andre. Her er det vi har lært.

      ## 1. Feil må ha eit namn

      Ein feil som ingen snakkar om, blir gjort på nytt. Når vi skriv ned kva som gjekk gale, og kven som lærte det, blir erfaringa noko andre kan bruke.

      ## 2. Leiaren må gå først

      Det var først då ein kommunalsjef fortalde om sitt eige mislukka prosjekt på ei leiarsamling, at fleire tok sjansen på å nominere seg sjølve.

      ## 3. Skil mellom dårlege forsøk og dårleg arbeid

      Eit forsøk som blir gjennomført skikkeleg, men som viser at idéen ikkje held, er ikkje ein fiasko. Det er eit svar. Det vi ikkje premierer, er slurv.

      ## 4. Stopp i tide

      Dei beste feila er dei som blir oppdaga tidleg. Difor spør vi alle prosjekt kva som skal til for at dei skal avslutte, før dei startar.

      ## 5. Fortel det til fleire enn deg sjølv

      Ein av årets nominerte, dei [smarte avfallsbehaldarane](ref:case-smarte-avfallsbeholdere), lærte oss mykje om sensorar i vinterklima. Den lærdommen er verd mest om han når fram til andre kommunar før dei kjøper det same.
    `),
  }),
  post({
    _id: 'post-slik-deler-vi',
    title: 'Slik deler vi: blogg, Facebook og Kommune-Norge',
    publishedAt: '2022-08-22T09:00:00.000Z',
    authors: ['person-solveig-ronning', 'person-lena-holt'],
    topics: ['topic-ledelse-og-kultur', 'topic-digitalisering'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt:
      'En god løsning som bare er kjent i én avdeling, er en halv løsning. Slik sørger vi for at erfaringene når fram – internt og til andre kommuner.',
    mainImage: image(
      'deling',
      'Illustrasjon av lysende prikker på mørkeblå bakgrunn, forbundet med buer til et gult knutepunkt.',
    ),
    related: ['post-sharing-with-kommune-norge', 'post-stjael-med-stil'],
    body: pt(`
      Det er lett å tro at deling skjer av seg selv. Det gjør det ikke. De fleste gode løsninger blir værende på det tjenestestedet der de ble laget, fordi ingen har tid til å fortelle om dem. Derfor har vi bygget opp noen faste kanaler.

      ## Tanketanken

      Bloggen er hovedkanalen. Her skriver vi om prosjekter mens de pågår, og om caser når de har gitt resultater. Alle ansatte kan foreslå en sak, og innovasjonsteamet hjelper med skrivingen.

      ## Facebook

      På Facebook når vi ansatte som aldri ville ha lest en blogg – og mange innbyggere. Her deler vi korte oppdateringer, bilder fra verksteder og lenker til nye saker. Kommentarfeltet gir oss ofte tips om andre som har prøvd noe lignende.

      ## Kommune-Norge

      - Vi presenterer casene våre i regionale nettverk og på nasjonale konferanser.
      - Vi tar imot besøk fra andre kommuner, gjerne ute på tjenestestedet der løsningen er i bruk.
      - Casebiblioteket er åpent og kan lastes ned som åpne data, slik at andre kan søke og sammenligne.

      ## Det vi ber om tilbake

      Når noen bruker en av løsningene våre, ber vi om én ting: Fortell oss hva dere endret, og hva dere lærte. Flere av våre egne forbedringer har kommet på den måten.

      Har du en sak vi bør skrive om? Send en e-post til [tanketanken@tanketanken.example](mailto:tanketanken@tanketanken.example).
    `),
  }),
  post({
    _id: 'post-hva-koster-innovasjon',
    title: 'Hva koster innovasjon? Et ærlig regnestykke',
    publishedAt: '2023-05-09T08:30:00.000Z',
    authors: ['person-kari-solheim'],
    topics: ['topic-ledelse-og-kultur'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt:
      'Vi har brukt ti millioner kroner i året på innovasjon og forskning i snart åtte år. Har det lønt seg? Vi har forsøkt å regne på det.',
    mainImage: image(
      'innovasjonsmidler',
      'Illustrasjon av stabler med gullmynter som blir høyere fra venstre mot høyre.',
    ),
    related: [
      'post-ti-millioner-til-innovasjon',
      'case-medisindispenser',
      'case-frivillighetsappen',
    ],
    body: pt(
      `
      Politikerne spør, og det med god grunn: Hva har vi fått igjen for pengene? Svaret er ikke enkelt, men vi har prøvd å gi et ærlig anslag.

      ## Det som er lett å regne på

      Noen gevinster er målbare i kroner. Medisindispenserne sparer hjemmetjenesten for et stort antall besøk i året. Elsyklene har gjort det mulig å redusere bilparken. Digitalt tilsyn har frigjort tid for nattevaktene.
      `,
      factBox('Utvalgte gevinster per år (anslag)', [
        'Medisindispensere: om lag 20 000 færre besøk',
        'Digitalt nattilsyn: rundt 3 000 timer frigjort',
        'Elsykler: tre færre leasingbiler i én hjemmetjeneste',
        'Klart språk i vedtaksbrev: 30 prosent færre oppfølgingssamtaler',
      ]),
      `
      ## Det som er vanskelig å regne på

      ### Forebygging

      Hva er det verdt at en ungdom kommer tilbake til skolen? Vi vet at det er mye, men det er umulig å sette en sikker sum på det for ett enkelt tiltak.

      ### Kultur

      Mye av verdien ligger i at ansatte tør å prøve. Den måles best i antall forsøk og hvor raskt vi avslutter dem som ikke virker.

      #### Hva med feilene?

      Frivillighetsappen kostet rundt 400 000 kroner og ga ingen direkte gevinst. Men lærdommen har endret hvordan vi behandler søknader, og vi regner med at den har spart oss for flere lignende feilinvesteringer.

      ## Konklusjon

      Vi har også lært at gevinstene sjelden kommer der kostnadene ligger. Det er ofte hjemmetjenesten som betaler for utstyret, mens sykehjemmene, legevakten eller pårørende merker gevinsten. Derfor må vi se på hele kommunen under ett når vi regner.

      De målbare gevinstene alene er større enn innsatsen. Da er ikke alt det vi ikke kan måle, tatt med. Vi fortsetter – og vi fortsetter å telle.
      `,
    ),
  }),
  post({
    _id: 'post-innovasjonsprisen-2025-nominerte',
    title: 'Innovasjonsprisen 2025: de nominerte er klare',
    publishedAt: '2025-10-20T10:00:00.000Z',
    authors: ['person-kari-solheim', 'person-lena-holt'],
    topics: ['topic-ledelse-og-kultur', 'topic-velferdsteknologi'],
    serviceAreas: ['serviceArea-organisasjon-og-styring', 'serviceArea-helse-og-omsorg'],
    excerpt:
      'Juryen har gått gjennom årets bidrag og valgt ut de nominerte i alle tre kategorier. Vinnerne kåres på ledersamlingen i november.',
    mainImage: image(
      'innovasjonsprisen',
      'Illustrasjon av en gul stjerne med stråler i varme farger mot mørk bakgrunn.',
    ),
    related: ['case-sensorer-omsorgsboliger', 'post-innovasjonsprisen-2016'],
    body: pt(`
      For tiende gang deler vi ut innovasjonsprisen. I år kom det inn flere bidrag enn noen gang før, og juryen har hatt en krevende jobb. Her er de nominerte.

      ## Årets innovasjon

      - **Sensorer i omsorgsboliger** – et forsøk som har gått fra test til fast drift, og som nå tas i bruk i alle omsorgsboligene. [Les caset](ref:case-sensorer-omsorgsboliger).
      - **Skolemat fra egen kantine** – elever på en ungdomsskole driver kantinen sammen med en sosial entreprenør.
      - **Digital innsjekk på legevakten** – kortere ventetid og bedre oversikt for de ansatte.

      ## Stjæl med stil

      - **Meråpent bibliotek på sykehjem**, etter modell fra hovedbiblioteket.
      - **Tverrfaglige ungdomsteam**, lånt fra en nabokommune.

      ## Beste feil

      - **Selvkjørende skyttelbuss** – et kort forsøk som viste at teknologien ikke var klar for norske vinterveier.
      - **Felles innkjøpsportal for barnehagene** som ingen fant fram i.

      ## Slik vurderer juryen

      Juryen består av to ledere, to tillitsvalgte, en representant for brukerrådet og en gjest fra en annen kommune. De ser på hvor godt behovet er beskrevet, hva løsningen har ført til, og hvor lett den kan tas i bruk av andre. I Beste feil teller det mest hvor mye vi har lært, og hvor åpent det er delt.

      Gratulerer til alle de nominerte. Vinnerne kåres på ledersamlingen 20. november, og vi skriver selvsagt om dem her.
    `),
  }),
  post({
    _id: 'post-ti-ar-med-spillhuset',
    title: 'Ti år med Spillhuset',
    publishedAt: '2024-12-10T12:00:00.000Z',
    authors: ['person-thomas-berg'],
    topics: ['topic-ungdom-og-fritid', 'topic-medvirkning'],
    serviceAreas: ['serviceArea-kultur-og-fritid'],
    excerpt:
      'I desember 2014 møttes Utekontakten og PPT for å snakke om ungdom som bare satt hjemme og spilte. Ti år senere ser vi tilbake.',
    mainImage: image(
      'spillhuset',
      'Illustrasjon av en spillkontroller omgitt av fargerike piksler på lilla bakgrunn.',
    ),
    related: [
      'case-spillhuset-klubb-for-gamere',
      'project-spillhuset-arena-bekkestua',
      'post-klubben-for-gamere-tar-form',
    ],
    body: pt(`
      Det er ti år siden det første møtet mellom Utekontakten og PPT. Den gangen visste vi ikke at vi holdt på å starte noe som skulle vinne en pris, bli kopiert av andre kommuner og forandre hvordan vi snakker med ungdom om spill.

      ## Noen tall

      - Over 600 ungdommer har vært innom Spillhuset.
      - Gamere om Gaming har holdt mer enn 150 foreldremøter, også i andre kommuner.
      - Minst ni kommuner har startet egne klubber etter samme modell.

      ## Det som ikke har endret seg

      Ungdommene bestemmer fortsatt. Det er de som velger spillene, skriver reglene og holder foredragene. Flere av de første medlemmene jobber nå selv som ledere i klubben.

      ## Det som har endret seg

      Spill er ikke lenger en nisje. Der vi i 2015 måtte forklare foreldre hva et onlinespill var, kommer de i dag og spør hvordan de kan spille *sammen* med barna. Det er en stor endring, og vi tror klubben har bidratt litt til den.

      ## Det vi fortsatt lurer på

      Vi vet at klubben betyr mye for dem som kommer. Vi vet mindre om dem som aldri kommer, og om jentene, som fortsatt er få. Neste steg er å spørre dem, på samme måte som vi spurte de første medlemmene for ti år siden.

      Takk til alle ungdommene, foreldrene og kollegaene som har vært med. Vi gleder oss til de neste ti årene.
    `),
  }),
];

/**
 * Documents that must never reach a page, feed, search index or open-data file: a draft
 * of a published post (changed title) and a post scheduled far in the future.
 */
export const unpublished = [
  {
    ...posts.find((doc) => doc._id === 'post-blt-metoden'),
    _id: 'drafts.post-blt-metoden',
    title: 'B-L-T-metoden: behov, løsning, test (utkast til ny versjon)',
    updatedAt: '2026-10-28T13:12:00.000Z',
  },
  post({
    _id: 'post-innovasjonskonferansen-2030',
    title: 'Velkommen til innovasjonskonferansen 2030',
    publishedAt: '2030-03-01T08:00:00.000Z',
    createdAt: '2026-10-15T10:00:00.000Z',
    updatedAt: '2026-10-15T10:30:00.000Z',
    authors: ['person-kari-solheim'],
    topics: ['topic-ledelse-og-kultur'],
    serviceAreas: ['serviceArea-organisasjon-og-styring'],
    excerpt: 'Denne saken er planlagt publisert i 2030 og skal ikke vises før da.',
    mainImage: image(
      'tanketanken',
      'Illustrasjon av en gjennomsiktig tank fylt med vann og bobler.',
    ),
    body: pt(`
      Denne saken er planlagt for publisering 1. mars 2030. Den skal ikke være synlig på nettstedet, i nyhetsstrømmene, i søket eller i de åpne dataene før den datoen.
    `),
  }),
];
