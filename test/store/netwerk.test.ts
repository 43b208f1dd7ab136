/**
 * A database file on a network drive is refused (SPEC §7): SQLite's locks do not hold over NFS or SMB.
 * What is faked is what kvz reads at that boundary: the mount table.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { koppelingVan, leesKoppelingen, netwerkschijf } from '../../src/store/netwerk.js';
import { kvz, kvzOk, nieuweDb, tijdelijkeMap } from '../helpers/run.js';

/** A mount table as Linux gives it, with `map` mounted from somewhere else as `soort`. */
function tabel(map: string, soort: string, bron: string): string {
  return [
    '26 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw',
    '27 26 0:24 / /tmp rw,nosuid shared:2 - tmpfs tmpfs rw',
    `90 27 0:55 / ${map.replace(/ /g, '\\040')} rw,relatime shared:40 - ${soort} ${bron} rw,vers=4.2`,
  ].join('\n');
}

const ADD = ['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'test'];

describe('a database on a network drive', () => {
  it('reads the mount table, escaped spaces included, and finds the deepest mount above a path', () => {
    const k = leesKoppelingen(tabel('/mnt/gedeelde schijf', 'cifs', '//server/iv'));
    expect(k.map((x) => x.pad)).toEqual(['/', '/tmp', '/mnt/gedeelde schijf']);
    expect(koppelingVan('/mnt/gedeelde schijf/kvz/kvz.db', k)?.soort).toBe('cifs');
    expect(koppelingVan('/mnt/gedeelde schijf2/kvz.db', k)?.soort).toBe('ext4');
    expect(koppelingVan('/tmp/x.db', k)?.soort).toBe('tmpfs');
  });

  for (const [soort, bron] of [['nfs4', 'fileserver:/export/iv'], ['cifs', '//fileserver/iv'], ['fuse.sshfs', 'iv@server:/data']]) {
    it(`refuses a file on ${soort}, names the drive and recommends PostgreSQL; creates nothing`, async () => {
      // A path of its own: the harness's nieuweDb() would make the file before kvz looks.
      const pad = join(tijdelijkeMap(), 'kvz.db');
      const map = realpathSync(dirname(pad));
      const u = await kvz(ADD, { db: pad, mountinfo: tabel(map, soort, bron) });
      expect(u.code).toBe(1);
      expect(u.stderr).toBe(
        `'${pad}' staat op een netwerkschijf (${soort}, ${bron}); daar kan een databasebestand door twee mensen tegelijk beschadigd raken en kvz gebruikt het niet. ` +
          'Werk met het hele team in PostgreSQL (kvz kopieer --naar postgres://…, zie de README: Met het hele team), of zet het bestand op een lokale schijf.\n',
      );
      expect(existsSync(pad)).toBe(false);
    });
  }

  it('uses a file on a local disk, and one in a local folder below a network mount point elsewhere', async () => {
    const pad = nieuweDb();
    await kvzOk(ADD, { db: pad, mountinfo: tabel('/mnt/netwerk', 'nfs4', 'server:/x') });
    expect(existsSync(pad)).toBe(true);
    expect(netwerkschijf(join(tijdelijkeMap(), 'nieuw', 'kvz.db'))).toBeUndefined();
  });
});
