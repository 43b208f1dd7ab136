import { describe, expect, it } from 'vitest';
import { blokkenVan, isAangevinkt } from '../../src/documents/notulen-docx-lezen.js';

describe('reading a Word minutes file', () => {
  it('counts every natural way of ticking a box, and an empty or unticked box as not ticked', () => {
    for (const ja of ['☒', '☑', '✓', '✔', 'X', 'x', '[x]', '[X]', '☐ X', ' ☒ ']) expect(isAangevinkt(ja), ja).toBe(true);
    // ✗ and ✘ are what many write for "not there".
    for (const nee of ['', '☐', ' ', '[ ]', 'nee', 'Xander', '✗', '✘']) expect(isAangevinkt(nee), nee).toBe(false);
  });

  it('reads text as Word stores it: runs split anywhere, tabs, breaks, Wingdings boxes, deleted text left out', () => {
    const xml = '<w:body><w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t>Z-2027-</w:t></w:r><w:r><w:t xml:space="preserve">001 · Jeugd &amp; </w:t></w:r>'
      + '<w:ins><w:r><w:t>sport</w:t></w:r></w:ins><w:del><w:r><w:delText>weg</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>verplaatst</w:t></w:r></w:moveFrom>'
      + '<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>tekstvak</w:t></w:r></w:p></w:txbxContent></w:pict></w:r><w:r><w:t>&#x110000;</w:t></w:r></w:p>'
      + '<w:tbl><w:tr><w:tc><w:p><w:r><w:sym w:font="Wingdings" w:char="F0FD"/></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Politie</w:t><w:br/><w:t>wijkagent</w:t></w:r></w:p><w:p/></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:sym w:font="Wingdings 2" w:char="F052"/></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body>';
    expect(blokkenVan(xml)).toEqual([
      { soort: 'alinea', stijl: 'Heading3', tekst: 'Z-2027-001 · Jeugd & sport\uFFFD' },
      { soort: 'tabel', rijen: [[['☒'], ['Politie wijkagent', '']], [['☑'], ['']]] },
    ]);
  });
});
