/** A deterministic spreadsheet list of meldingen, as a team would bring it in (`;`, BOM, Dutch dates). */
import { dagVan, datumKort, plusDagen } from '../domain/tijd.js';

const KERNEN = ['Avenhorn', 'Berkhout', 'De Goorn', 'Obdam', 'Spierdijk', 'Ursem', 'Hensbroek', 'Zuid-Spierdijk'];
const CATEGORIEEN = ['jeugdoverlast', 'burenoverlast', 'treiteren', 'vandalisme', 'geluidsoverlast', 'overig'];

export function importBestand(rijen: number, nu: Date): string {
  const regels = ['Datum;Kern;Categorie;Omschrijving;Adres;Melder;Telefoon;Terugkoppeling;Vergunninghouder;Doorgezet naar;Doorgezet op'];
  const eerste = plusDagen(dagVan(nu), -730);
  for (let i = 0; i < rijen; i++) {
    const dag = datumKort(plusDagen(eerste, Math.floor((i / rijen) * 700)));
    const tijd = `${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const melder = i % 3 === 0 ? `Melder ${i};06${String(10_000_000 + i).slice(-8)};ja` : ';;nee';
    regels.push(
      `${dag} ${tijd};${KERNEN[i % KERNEN.length]};${CATEGORIEEN[(i * 7) % CATEGORIEEN.length]};Overlast gemeld, regel ${i};` +
        `Dorpsstraat ${i % 150};${melder};${i % 20 === 0 ? 'ja' : 'nee'};${i % 4 === 0 ? '' : 'politie'};${i % 4 === 0 ? '' : `${dag} ${tijd.replace(/^\d\d/, (u) => String(Math.min(+u + 2, 23)))}`}`,
    );
  }
  return `\uFEFF${regels.join('\r\n')}\r\n`;
}
