/**
 * People, topics (tema) and service areas (tjenesteområder) of the sample dataset.
 * Every person is made up; the e-mail domain is reserved for examples, and the phone
 * numbers are invented.
 */

/**
 * Made-up direct lines for the people who take calls about their work; the others are
 * reached by e-mail only, so pages show a phone number only where one is given.
 */
const PHONES = {
  'kari-solheim': '+47 67 50 10 01',
  'thomas-berg': '+47 67 50 10 02',
  'silje-aamodt': '+47 67 50 10 03',
  'ingrid-haugland': '+47 67 50 10 04',
  'erik-nygard': '+47 67 50 10 05',
  'marte-lien': '+47 67 50 10 06',
  'jonas-fjeld': '+47 67 50 10 07',
  'hanne-vik': '+47 67 50 10 08',
  'anders-moe': '+47 67 50 10 09',
  'amir-hassan': '+47 67 50 10 11',
};

const person = (id, name, role, unit, bio, createdAt) => ({
  _id: `person-${id}`,
  _type: 'person',
  name,
  role,
  unit,
  bio,
  email: `${id.replace(/-/g, '.')}@tanketanken.example`,
  ...(PHONES[id] ? { phone: PHONES[id] } : {}),
  createdAt,
});

export const people = [
  person(
    'kari-solheim',
    'Kari Solheim',
    'Innovasjonsrådgiver',
    'Innovasjon og digitalisering, kommunedirektørens stab',
    'Kari er redaktør for Tanketanken og hjelper tjenestestedene med å gå fra en god idé til en test som faktisk blir gjennomført. Hun har bakgrunn som sykepleier og tjenestedesigner, og er kjent for spørsmålet «Hvem har dette behovet, og har vi spurt dem?».',
    '2015-01-05T09:00:00Z',
  ),
  person(
    'thomas-berg',
    'Thomas Berg',
    'Miljøterapeut',
    'Utekontakten',
    'Thomas har jobbet i Utekontakten siden 2011 og var med på å starte klubben for og av gamere. Han spiller selv, helst strategispill, og mener at de beste samtalene med ungdom skjer når man sitter side om side foran en skjerm.',
    '2015-01-05T09:05:00Z',
  ),
  person(
    'silje-aamodt',
    'Silje Aamodt',
    'Pedagogisk-psykologisk rådgiver',
    'PPT – pedagogisk-psykologisk tjeneste',
    'Silje satt i PPTs ressursgruppe som i 2014 begynte å se nærmere på ungdom som trekker seg unna skolen og inn i spillverdenen. Hun er opptatt av å møte barn på deres egne arenaer, og holder foredrag for foreldre og lærere om spill og læring.',
    '2015-01-05T09:10:00Z',
  ),
  person(
    'ingrid-haugland',
    'Ingrid Haugland',
    'Avdelingsleder',
    'Hjemmetjenesten vest',
    'Ingrid leder en hjemmetjeneste med rundt 60 ansatte. Hun har testet medisindispensere, elsykler og nye måter å planlegge kjøreruter på, og deler gjerne både tallene og frustrasjonene.',
    '2015-02-02T09:00:00Z',
  ),
  person(
    'erik-nygard',
    'Erik Nygård',
    'Prosjektleder velferdsteknologi',
    'Helse og omsorg, fagstab',
    'Erik er ingeniør og har ansvar for å prøve ut og innføre velferdsteknologi i hjemmetjenesten, omsorgsboligene og på sykehjemmene. Han har en regel: ingen ny dings uten at de ansatte som skal bruke den, har vært med på å velge den.',
    '2015-02-02T09:05:00Z',
  ),
  person(
    'marte-lien',
    'Marte Lien',
    'Rektor',
    'Ungdomsskole, Oppvekst skole',
    'Marte har vært lærer og rektor i over tjue år. Hun ledet skolens arbeid med å bruke elevrådet som innovasjonsteam og har vært med i lederutviklingsprogrammet LUP.',
    '2015-03-02T09:00:00Z',
  ),
  person(
    'jonas-fjeld',
    'Jonas Fjeld',
    'Klimarådgiver',
    'Klima og miljø',
    'Jonas jobber med kommunens klimabudsjett og hjelper tjenestene med å kutte utslipp i egen drift. Han sykler til jobben hele året og tar gjerne diskusjonen om piggdekk.',
    '2016-01-11T09:00:00Z',
  ),
  person(
    'hanne-vik',
    'Hanne Vik',
    'Biblioteksjef',
    'Kultur og fritid, biblioteket',
    'Hanne har ledet biblioteket gjennom overgangen til meråpent bibliotek og er opptatt av at biblioteket skal være hele befolkningens stue – også etter klokka fire.',
    '2016-01-11T09:05:00Z',
  ),
  person(
    'anders-moe',
    'Anders Moe',
    'HR-rådgiver og programleder for LUP',
    'Organisasjon og personal',
    'Anders leder lederutviklingsprogrammet LUP og har fulgt mer enn hundre tjenestesteder gjennom egne innovasjonsprosjekter. Han mener at ledere lærer mest av andre ledere.',
    '2015-01-05T09:15:00Z',
  ),
  person(
    'solveig-ronning',
    'Solveig Rønning',
    'Kommunikasjonsrådgivar',
    'Kommunikasjon',
    'Solveig skriv på nynorsk, redigerer Facebook-sida til Tanketanken og passar på at det vi deler, er til å forstå for folk utanfor rådhuset.',
    '2015-01-05T09:20:00Z',
  ),
  person(
    'amir-hassan',
    'Amir Hassan',
    'Rådgiver for sosialt entreprenørskap',
    'Bistand og sosiale tjenester',
    'Amir er kommunens kontaktperson for sosiale entreprenører. Han har selv startet en frivillig organisasjon og vet hvor mye tid det tar å forstå hvordan en kommune kjøper tjenester.',
    '2017-01-09T09:00:00Z',
  ),
  person(
    'lena-holt',
    'Lena Holt',
    'Rådgiver for nettverk og samarbeid',
    'Innovasjon og digitalisering, kommunedirektørens stab',
    'Lena koordinerer kommunens deltakelse i nasjonale og nordiske innovasjonsnettverk og skriver de engelske sakene på Tanketanken.',
    '2018-01-08T09:00:00Z',
  ),
];

const term = (type, id, title, description, createdAt = '2015-01-05T08:00:00Z') => ({
  _id: `${type}-${id}`,
  _type: type,
  title,
  slug: id,
  description,
  createdAt,
});

export const topics = [
  term(
    'topic',
    'velferdsteknologi',
    'Velferdsteknologi',
    'Teknologi som gjør hverdagen tryggere og friere for dem som mottar tjenester, og arbeidsdagen enklere for dem som yter dem.',
  ),
  term(
    'topic',
    'ungdom-og-fritid',
    'Ungdom og fritid',
    'Fritidstilbud, møteplasser og forebygging – laget sammen med ungdommene selv.',
  ),
  term(
    'topic',
    'klima-og-miljo',
    'Klima og miljø',
    'Kutt i utslipp, mindre svinn og smartere bruk av ressursene i kommunens egen drift.',
  ),
  term(
    'topic',
    'digitalisering',
    'Digitalisering',
    'Digitale tjenester og verktøy som sparer tid, og som innbyggerne faktisk vil bruke.',
  ),
  term(
    'topic',
    'medvirkning',
    'Medvirkning',
    'Innbyggere, brukere og ansatte som er med og bestemmer – fra første idé til ferdig løsning.',
  ),
  term(
    'topic',
    'laering',
    'Læring',
    'Nye måter å lære på i skolen, i barnehagen og i organisasjonen.',
  ),
  term(
    'topic',
    'ledelse-og-kultur',
    'Ledelse og kultur',
    'Hvordan ledere og arbeidsplasser skaper rom for å prøve, feile og dele.',
  ),
  term(
    'topic',
    'sosialt-entreprenorskap',
    'Sosialt entreprenørskap',
    'Samarbeid med gründere som løser sosiale utfordringer, og som kommunen kan lære av og kjøpe fra.',
  ),
];

export const serviceAreas = [
  term(
    'serviceArea',
    'helse-og-omsorg',
    'Helse og omsorg',
    'Hjemmetjenester, sykehjem, omsorgsboliger og helsetjenester for alle aldre.',
  ),
  term(
    'serviceArea',
    'oppvekst-og-skole',
    'Oppvekst og skole',
    'Barnehager, skoler, PPT og tjenester for barn, unge og familier.',
  ),
  term(
    'serviceArea',
    'kultur-og-fritid',
    'Kultur og fritid',
    'Bibliotek, kulturhus, fritidsklubber, Utekontakten og idrett.',
  ),
  term(
    'serviceArea',
    'teknikk-og-miljo',
    'Teknikk og miljø',
    'Klima og miljø, vei, vann, avfall, eiendom og byggesak.',
  ),
  term(
    'serviceArea',
    'organisasjon-og-styring',
    'Organisasjon og styring',
    'Ledelse, personal, økonomi, digitalisering og kommunens egen utvikling.',
  ),
  term(
    'serviceArea',
    'bistand-og-sosiale-tjenester',
    'Bistand og sosiale tjenester',
    'NAV, bolig, rus og psykisk helse, flyktninger og arbeidstrening.',
  ),
];
