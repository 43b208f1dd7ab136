/**
 * The zaken of the demo year: what goes on where, how many meldingen lead to it, what the partners
 * agree in the meetings, and whether it is closed by today. `begin` and `duur` are days into the
 * year; a zaak without `resultaat` is still open today.
 */
import type { ActieSoort } from '../domain/actie.js';
import type { ZaakSoort } from '../domain/zaak.js';

export interface Afspraak {
  partner: string;
  soort: ActieSoort;
  omschrijving: string;
}

export interface Verhaal {
  titel: string;
  soort: ZaakSoort;
  kern: string;
  categorie: string;
  straat: string;
  begin: number;
  duur: number;
  meldingen: number;
  vergunninghouder?: boolean;
  /** A police matter: only in the politieoverleg. */
  vertrouwelijk?: boolean;
  /** Its first melding was acute (SPEC §11): urgent, forwarded at once. */
  urgent?: boolean;
  /** Police and OOV spoke in between about its first melding (SPEC §11): the subject. */
  afstemming?: string;
  /** The placement of vergunninghouders its meldingen concern (demo/plaatsingen.ts), by key. */
  plaatsing?: string;
  eigenaar?: string;
  /** Agreed when the zaak is first discussed, and later when it is followed up. */
  aanpak: Afspraak[];
  vervolg: Afspraak[];
  resultaat?: string;
  /** Closed with acties still running: they lapse (zaak close --forceer). */
  forceer?: boolean;
  /** What the melders say, when the texts of the categorie do not fit. */
  teksten?: string[];
}

const a = (partner: string, soort: ActieSoort, omschrijving: string): Afspraak => ({ partner, soort, omschrijving });

export const VERHALEN: Verhaal[] = [
  {
    titel: 'Jeugdoverlast skatebaan Sportlaan', soort: 'overlast', kern: 'De Goorn', categorie: 'jeugdoverlast', straat: 'Sportlaan',
    begin: 20, duur: 330, meldingen: 12,
    aanpak: [
      a('jongerenwerk', 'gesprek-melder', 'Groep bij de skatebaan aanspreken en afspraken maken over tijden en afval'),
      a('politie', 'handhaving', 'Extra surveillance op vrijdag- en zaterdagavond tussen 21 en 24 uur'),
      a('iv', 'gesprek-bewoners', 'Bewonersavond organiseren met omwonenden van de Sportlaan'),
    ],
    vervolg: [
      a('communicatie', 'communicatie', 'Nieuwsbrief aan omwonenden over de aanpak en het meldnummer'),
      a('casemanager-jeugd', 'zorg', 'Twee jongeren uit de groep begeleiden naar werk of opleiding'),
    ],
  },
  {
    titel: 'Hangjongeren Raadhuisplein', soort: 'overlast', kern: 'Obdam', categorie: 'jeugdoverlast', straat: 'Raadhuisplein',
    begin: 60, duur: 290, meldingen: 10,
    aanpak: [
      a('jongerenwerk', 'gesprek-melder', 'Contact leggen met de groep en een alternatieve plek bespreken'),
      a('handhaving', 'handhaving', 'Toezicht op het alcoholverbod op het plein'),
    ],
    vervolg: [a('iv', 'gesprek-bewoners', 'Gesprek met ondernemers aan het plein over hun ervaringen')],
  },
  {
    titel: 'Overlast bij de bushalte Dorpsstraat', soort: 'overlast', kern: 'Avenhorn', categorie: 'jeugdoverlast', straat: 'Dorpsstraat',
    begin: 150, duur: 200, meldingen: 8,
    aanpak: [
      a('politie', 'handhaving', 'Jongeren identificeren en ouders informeren'),
      a('jongerenwerk', 'overig', 'Avondronde jongerenwerk verleggen naar de bushalte'),
    ],
    vervolg: [a('iv', 'communicatie', 'Vervoersmaatschappij vragen om extra verlichting bij de halte')],
  },
  {
    titel: 'Vuurwerkoverlast rond de jaarwisseling', soort: 'overlast', kern: 'Berkhout', categorie: 'jeugdoverlast', straat: 'Kerkebuurt',
    begin: 5, duur: 40, meldingen: 5, resultaat: 'Overlast na de jaarwisseling gestopt; aanpak vastgelegd voor volgend jaar.',
    aanpak: [a('politie', 'handhaving', 'Controles op illegaal vuurwerk'), a('iv', 'communicatie', 'Brief aan ouders via de scholen')],
    vervolg: [],
  },
  {
    titel: 'Treiteren van gezin aan de Kerkstraat (vergunninghouders)', soort: 'overlast', kern: 'Obdam', categorie: 'treiteren', straat: 'Kerkstraat',
    begin: 90, duur: 180, meldingen: 7, vergunninghouder: true, urgent: true, plaatsing: 'kerkstraat',
    afstemming: 'Stenen door de ruit bij het gezin: politie rijdt extra rondes, OOV belt de woningcorporatie',
    aanpak: [
      a('vluchtelingenwerk', 'gesprek-melder', 'Gesprek met het gezin over veiligheid en steun'),
      a('politie', 'gesprek-bewoners', 'Gesprek met de betrokken buurjongens en hun ouders'),
      a('iv', 'overig', 'Buurtbemiddeling aanbieden aan beide partijen'),
    ],
    vervolg: [a('politie', 'overig', 'Aangifte begeleiden en terugkoppelen aan het gezin')],
  },
  {
    titel: 'Discriminerende leuzen Molenweg', soort: 'overlast', kern: 'Ursem', categorie: 'discriminatie', straat: 'Molenweg',
    begin: 120, duur: 60, meldingen: 4, vergunninghouder: true, resultaat: 'Daders bekend en aangesproken; leuzen verwijderd, geen nieuwe meldingen.',
    aanpak: [a('handhaving', 'handhaving', 'Leuzen laten verwijderen'), a('politie', 'overig', 'Buurtonderzoek naar de daders')],
    vervolg: [],
  },
  {
    titel: 'Pesterijen richting nieuwe bewoners De Tuinen', soort: 'overlast', kern: 'Berkhout', categorie: 'treiteren', straat: 'De Tuinen',
    begin: 250, duur: 110, meldingen: 5, vergunninghouder: true,
    aanpak: [
      a('vluchtelingenwerk', 'huisbezoek', 'Huisbezoek bij de nieuwe bewoners'),
      a('iv', 'gesprek-bewoners', 'Kennismakingsbijeenkomst voor de straat'),
    ],
    vervolg: [],
  },
  {
    titel: 'Burenruzie Schoolstraat', soort: 'overlast', kern: 'Zuid-Spierdijk', categorie: 'burenoverlast', straat: 'Schoolstraat',
    begin: 40, duur: 120, meldingen: 5, resultaat: 'Na buurtbemiddeling afspraken gemaakt; rust teruggekeerd.',
    aanpak: [a('iv', 'overig', 'Buurtbemiddeling inschakelen'), a('politie', 'huisbezoek', 'Wijkagent gaat bij beide buren langs')],
    vervolg: [],
  },
  {
    titel: 'Feesten in schuur Westerweg', soort: 'overlast', kern: 'Wogmeer', categorie: 'geluidsoverlast', straat: 'Westerweg',
    begin: 140, duur: 100, meldingen: 6, resultaat: 'Eigenaar gewaarschuwd; vergunning voor evenementen geweigerd.',
    aanpak: [a('handhaving', 'handhaving', 'Controle op vergunning en brandveiligheid van de schuur')],
    vervolg: [a('iv', 'gesprek-melder', 'Melders informeren over de uitkomst')],
  },
  {
    titel: 'Vernielingen speeltuin Kerkebuurt', soort: 'overlast', kern: 'Oudendijk', categorie: 'vandalisme', straat: 'Kerkebuurt',
    begin: 200, duur: 80, meldingen: 4, resultaat: 'Speeltuin hersteld; geen nieuwe vernielingen sinds de camera.',
    aanpak: [a('handhaving', 'handhaving', 'Tijdelijke camera plaatsen'), a('jongerenwerk', 'overig', 'Jongeren uit de buurt betrekken bij herstel')],
    vervolg: [],
  },
  {
    titel: 'Drugsoverlast parkeerplaats sportpark', soort: 'overlast', kern: 'Hensbroek', categorie: 'drugs', straat: 'Sportlaan',
    begin: 230, duur: 120, meldingen: 6,
    aanpak: [a('politie', 'handhaving', 'Controles op de parkeerplaats in de avond'), a('iv', 'communicatie', 'Sportvereniging vragen de slagboom te sluiten')],
    vervolg: [],
  },
  {
    titel: 'Intimidatie medewerkers supermarkt', soort: 'overlast', kern: 'Avenhorn', categorie: 'treiteren', straat: 'Parallelweg',
    begin: 270, duur: 60, meldingen: 4, resultaat: 'Winkelverbod voor twee jongeren; overlast gestopt.',
    aanpak: [a('politie', 'handhaving', 'Winkelverbod uitreiken'), a('jongerenwerk', 'gesprek-melder', 'Gesprek met de jongeren en hun ouders')],
    vervolg: [],
  },
  {
    titel: 'Crossmotoren in het buitengebied', soort: 'overlast', kern: 'Grosthuizen', categorie: 'geluidsoverlast', straat: 'Boerderijweg',
    begin: 100, duur: 150, meldingen: 5, resultaat: 'Motoren in beslag genomen; eigenaar van het land spant afrastering.', forceer: true,
    aanpak: [a('politie', 'handhaving', 'Controle op kenteken en verzekering'), a('iv', 'gesprek-bewoners', 'Gesprek met de landeigenaar')],
    vervolg: [a('handhaving', 'handhaving', 'Borden plaatsen: verboden voor motorvoertuigen')],
  },
  {
    titel: 'Vandalisme bushokjes', soort: 'overlast', kern: 'Zuidermeer', categorie: 'vandalisme', straat: 'Zuiderweg',
    begin: 300, duur: 60, meldingen: 3,
    aanpak: [a('jongerenwerk', 'overig', 'Nagaan welke groep erbij betrokken is')],
    vervolg: [],
  },
  {
    titel: 'Jongerengroep bij de ijsbaan', soort: 'overlast', kern: 'Bobeldijk', categorie: 'jeugdoverlast', straat: 'Noordeinde',
    begin: 345, duur: 20, meldingen: 3,
    aanpak: [],
    vervolg: [],
  },
  {
    titel: 'Overlast rond de snackbar Provincialeweg', soort: 'overlast', kern: 'Scharwoude', categorie: 'jeugdoverlast', straat: 'Zuiderweg',
    begin: 30, duur: 150, meldingen: 5, resultaat: 'Afspraken met de eigenaar over sluitingstijd en toezicht; overlast afgenomen.',
    aanpak: [a('iv', 'gesprek-bewoners', 'Gesprek met de eigenaar van de snackbar'), a('jongerenwerk', 'overig', 'Avondronde langs de snackbar')],
    vervolg: [],
  },
  {
    titel: 'Vernielingen aan auto’s Noordeinde', soort: 'overlast', kern: 'Hensbroek', categorie: 'vandalisme', straat: 'Noordeinde',
    begin: 80, duur: 50, meldingen: 4, resultaat: 'Dader aangehouden; schade afgehandeld.',
    aanpak: [a('politie', 'overig', 'Buurtonderzoek en camerabeelden opvragen')],
    vervolg: [],
  },
  {
    titel: 'Lachgas bij de sporthal', soort: 'overlast', kern: 'Ursem', categorie: 'drugs', straat: 'Sportlaan',
    begin: 190, duur: 150, meldingen: 5,
    aanpak: [a('jongerenwerk', 'gesprek-melder', 'Voorlichting over lachgas aan de groep'), a('handhaving', 'handhaving', 'Controle op de parkeerplaats bij de sporthal')],
    vervolg: [a('communicatie', 'communicatie', 'Bericht in de gemeentepagina over lachgas en de regels')],
  },
  {
    titel: 'Treiteren van alleenstaande moeder, flat Noordeinde', soort: 'overlast', kern: 'Avenhorn', categorie: 'treiteren', straat: 'Noordeinde',
    begin: 300, duur: 60, meldingen: 3,
    aanpak: [a('politie', 'huisbezoek', 'Wijkagent gaat langs bij de moeder en de betrokken buren')],
    vervolg: [],
  },
  {
    titel: 'Burenoverlast door verslaafde bewoner', soort: 'zorg', kern: 'De Goorn', categorie: 'verward-gedrag', straat: 'Molenweg',
    begin: 260, duur: 100, meldingen: 4, eigenaar: 'zorgteam',
    aanpak: [a('zorgteam', 'huisbezoek', 'Huisbezoek samen met de verslavingszorg'), a('politie', 'overig', 'Signalen van overlast bijhouden')],
    vervolg: [],
  },
  {
    titel: 'Zorgen om verwarde bewoner', soort: 'zorg', kern: 'Zuidermeer', categorie: 'verward-gedrag', straat: 'Oosterstraat',
    begin: 70, duur: 240, meldingen: 6, eigenaar: 'zorgteam',
    aanpak: [a('zorgteam', 'huisbezoek', 'Huisbezoek en inschatting van de zorgbehoefte'), a('iv', 'gesprek-bewoners', 'Buren informeren over wie ze kunnen bellen')],
    vervolg: [a('zorgteam', 'zorg', 'Aanmelding bij de ggz en vaste contactpersoon regelen')],
  },
  {
    titel: 'Vervuilde woning Het Want', soort: 'zorg', kern: 'Oostmijzen', categorie: 'overig', straat: 'Het Want',
    begin: 160, duur: 90, meldingen: 3, eigenaar: 'zorgteam',
    teksten: [
      'Stankoverlast uit de woning aan {plek}; de bewoner komt al weken niet meer buiten.',
      'Ongedierte in de tuin en afval tot aan de ramen bij de woning aan {plek}.',
    ], resultaat: 'Woning opgeruimd met hulp van familie; begeleiding loopt via het zorgteam.',
    aanpak: [a('zorgteam', 'huisbezoek', 'Huisbezoek met de woningcorporatie')],
    vervolg: [],
  },
  {
    titel: 'Oudere bewoner met dreigende uitzetting', soort: 'zorg', kern: 'Rustenburg', categorie: 'burenoverlast', straat: 'Dorpsstraat',
    begin: 210, duur: 150, meldingen: 4, eigenaar: 'zorgteam',
    aanpak: [a('zorgteam', 'zorg', 'Schuldhulp en gesprek met de verhuurder'), a('iv', 'overig', 'Overleg met de woningcorporatie over uitstel')],
    vervolg: [],
  },
  {
    titel: 'Zorgen om jongere die zich terugtrekt', soort: 'zorg', kern: 'Scharwoude', categorie: 'overig', straat: 'Kerkstraat',
    begin: 180, duur: 120, meldingen: 3, eigenaar: 'zorgteam',
    teksten: [
      'School meldt dat een leerling uit {plek} al weken niet komt en thuis niet opendoet.',
      'Buurvrouw maakt zich zorgen om de zoon van de buren: hij komt nooit meer buiten en er wordt veel geschreeuwd.',
    ],
    aanpak: [a('casemanager-jeugd', 'huisbezoek', 'Kennismaking met de jongere en de ouders'), a('jongerenwerk', 'overig', 'Aanbod jongerenwerk onder de aandacht brengen')],
    vervolg: [],
  },
  {
    titel: 'Spanningen in gezin vergunninghouders', soort: 'zorg', kern: 'Spierdijk', categorie: 'burenoverlast', straat: 'Zuiderweg',
    begin: 110, duur: 130, meldingen: 4, vergunninghouder: true, plaatsing: 'zuiderweg', eigenaar: 'zorgteam', resultaat: 'Gezin heeft vaste begeleiding; geen meldingen meer.',
    aanpak: [a('vluchtelingenwerk', 'zorg', 'Begeleiding van het gezin intensiveren'), a('zorgteam', 'huisbezoek', 'Gesprek met beide ouders')],
    vervolg: [],
  },
  {
    titel: 'Signalen van drugshandel vanuit woning', soort: 'overlast', kern: 'Hensbroek', categorie: 'drugs', straat: 'Molenweg',
    begin: 130, duur: 200, meldingen: 5, vertrouwelijk: true, eigenaar: 'politie',
    aanpak: [
      a('politie', 'overig', 'Informatie verzamelen en bestuurlijke rapportage opstellen'),
      a('burgemeester', 'handhaving', 'Besluit over sluiting van de woning (Damocles) voorbereiden'),
    ],
    vervolg: [a('oov', 'overig', 'Zienswijze van de bewoner verwerken in het besluit')],
  },
  {
    titel: 'Dreiging richting vergunninghouder', soort: 'overlast', kern: 'Obdam', categorie: 'treiteren', straat: 'De Kolk',
    begin: 240, duur: 60, meldingen: 3, vertrouwelijk: true, vergunninghouder: true, plaatsing: 'de-kolk', eigenaar: 'politie', urgent: true,
    afstemming: 'Dreigende berichten aan de bewoner: beschermingsmaatregelen en extra surveillance',
    aanpak: [a('politie', 'overig', 'Dreiging inschatten en beschermingsmaatregelen bespreken')],
    vervolg: [],
  },
];
