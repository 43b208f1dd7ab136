/**
 * The words of the demo: invented melders, streets and what people report, per categorie. Every
 * name, phone number and address here is made up; e-mail addresses use example.nl.
 */

export const VOORNAMEN = [
  'Anouk', 'Bram', 'Carla', 'Dirk', 'Els', 'Fatima', 'Gerrit', 'Hanneke', 'Ilse', 'Jeroen', 'Karin', 'Lotte',
  'Mohamed', 'Nel', 'Okke', 'Petra', 'Ruud', 'Sanne', 'Tineke', 'Wim', 'Yusuf', 'Zeynep', 'Marijke', 'Kees',
];

export const ACHTERNAMEN = [
  'Bakker', 'de Boer', 'Dekker', 'Groot', 'Hoekstra', 'Jonker', 'Kok', 'Koning', 'Meijer', 'Mulder', 'de Ruiter',
  'Schouten', 'Smit', 'Visser', 'Vos', 'de Wit', 'Zwart', 'Kaya', 'Pronk', 'Appelman', 'Stam', 'Kaan', 'Wester',
];

export const STRATEN = [
  'Dorpsstraat', 'Kerkstraat', 'Schoolstraat', 'Molenweg', 'Kerkebuurt', 'De Tuinen', 'Sportlaan', 'Parallelweg',
  'Raadhuisplein', 'Westerweg', 'Oosterstraat', 'Zuiderweg', 'Noordeinde', 'Het Want', 'De Kolk', 'Boerderijweg',
];

/** Where youth gathers: the three hot spots of the year, and other places. */
export const HOTSPOTS = [
  { kern: 'De Goorn', plek: 'de skatebaan aan de Sportlaan' },
  { kern: 'Obdam', plek: 'het Raadhuisplein' },
  { kern: 'Avenhorn', plek: 'de bushalte aan de Dorpsstraat' },
];

export const PLEKKEN = [
  'het speelveldje aan de Kerkebuurt', 'het fietspad langs de Westerweg', 'de parkeerplaats bij de supermarkt',
  'het bankje bij de kerk', 'de ingang van de sporthal', 'het bushokje aan de Zuiderweg', 'het schoolplein',
];

/** What a melder tells the front desk, per categorie. `{plek}` is filled in with a place in the kern. */
export const OMSCHRIJVINGEN: Record<string, string[]> = {
  jeugdoverlast: [
    "Groep van zes à acht jongeren hangt 's avonds bij {plek}; harde muziek en blikjes achtergelaten.",
    'Jongeren op scooters rijden met hoge snelheid over {plek}; een oudere bewoner schrok zich een ongeluk.',
    'Vuurwerk afgestoken bij {plek}, ook na middernacht. Bewoners voelen zich onveilig.',
    'Jongeren gooien met stenen naar ramen bij {plek}. Er is niemand gewond.',
    "Groep jongeren blowt dagelijks bij {plek}; melder durft er 's avonds niet meer langs.",
    'Jongeren klimmen op het dak van het gebouw bij {plek} en roepen naar voorbijgangers.',
  ],
  burenoverlast: [
    'Buren aan {plek} maken al weken ruzie; geschreeuw en deuren die dichtslaan, ook midden in de nacht.',
    'Bovenburen laten afval in het portiek staan en reageren agressief als melder er iets van zegt.',
    'Buurman parkeert stelselmatig voor de uitrit van melder en scheldt als hij erop wordt aangesproken.',
    'Hond van de buren blaft hele dagen; gesprekken hebben niet geholpen, de sfeer is grimmig.',
  ],
  treiteren: [
    'Melder wordt bij {plek} steeds nageroepen en uitgescholden door dezelfde groep buurtbewoners.',
    'Er worden eieren tegen de ramen gegooid en er is twee keer aangebeld en weggerend, steeds laat op de avond.',
    'Kinderen van het gezin worden op weg naar school gepest en geduwd; ouders zijn bang.',
    'Fietsbanden van melder zijn opnieuw lek gestoken; melder vermoedt de buren.',
  ],
  discriminatie: [
    'Racistische leuzen op de schutting bij {plek} gekalkt.',
    'Melder werd in de supermarkt uitgescholden vanwege afkomst; er waren getuigen.',
    'Briefje in de brievenbus met de tekst dat "ze hier niet welkom zijn".',
  ],
  vandalisme: [
    'Bankjes bij {plek} vernield en prullenbakken in brand gestoken.',
    'Ruit van het bushokje bij {plek} is ingegooid, glas ligt nog op straat.',
    'Speeltoestel bij {plek} beklad en de schommel is losgetrokken.',
    'Autospiegels in de straat afgetrapt, zeker vijf auto’s.',
  ],
  drugs: [
    'Veel korte bezoekjes van auto’s bij een woning aan {plek}, ook ’s nachts. Melder vermoedt drugshandel.',
    'Sterke hennepgeur uit een schuur bij {plek}.',
    'Lachgascilinders achtergelaten bij {plek}; jongeren gebruiken daar in auto’s.',
  ],
  'verward-gedrag': [
    'Man loopt verward over straat bij {plek}, praat hard in zichzelf en spreekt kinderen aan.',
    'Bewoonster belt telkens aan bij buren en zegt dat ze wordt afgeluisterd; buren maken zich zorgen.',
    'Oudere buurman lijkt zichzelf te verwaarlozen; de post stapelt zich op en het huis ruikt.',
  ],
  geluidsoverlast: [
    'Harde muziek en feest in een schuur bij {plek}, elk weekend tot vier uur ’s nachts.',
    'Crossmotoren rijden op zondag urenlang rondjes over het land bij {plek}.',
    'Bladblazers en bouwlawaai voor zeven uur ’s ochtends bij {plek}.',
  ],
  overig: [
    'Melder maakt zich zorgen over een leegstaande woning aan {plek} waar ’s avonds mensen in en uit lopen.',
    'Dumping van afval en oude meubels bij {plek}.',
    'Verdacht persoon fotografeert woningen aan {plek}.',
  ],
};

/** Notes IV writes when closing a melding or calling a melder back. */
export const AFHANDELING = [
  'Doorgezet en door de partner opgepakt; melder is geïnformeerd.',
  'Wijkagent is langs geweest; geen verdere actie nodig.',
  'Jongerenwerk heeft de groep aangesproken; overlast is afgenomen.',
  'Besproken in het tweewekelijks overleg; opgenomen in de lopende aanpak.',
  'Handhaving heeft een waarschuwing gegeven.',
];

export const TERUGKOPPELING = [
  'Melder gebeld: uitgelegd wat politie en jongerenwerk hebben gedaan.',
  'Melder teruggebeld; tevreden over de aanpak, belt opnieuw als het terugkomt.',
  'Per e-mail teruggekoppeld wat er met de melding is gedaan.',
];

export const INFORMATIE = [
  'Melder gebeld voor meer informatie: tijden en signalement genoteerd.',
  'Melder gesproken: wil anoniem blijven richting de buren.',
  'Aanvullende foto’s ontvangen per e-mail.',
];
