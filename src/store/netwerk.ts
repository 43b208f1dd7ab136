/**
 * Is a path on a network drive? SQLite's locking does not hold over NFS or SMB, so a file shared
 * there can be corrupted by two desks at once (SPEC §7): kvz refuses to use one and recommends the
 * shared PostgreSQL database. Linux only: the filesystem type comes from the mount table.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';

/** Filesystem types that are network mounts; FUSE ones are `fuse.<name>`. */
const NETWERK = new Set([
  'nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'ncpfs', 'afs', 'coda', '9p', 'ceph', 'glusterfs', 'lustre', 'gpfs', 'beegfs', 'davfs',
  'fuse.sshfs', 'fuse.rclone', 'fuse.s3fs', 'fuse.gcsfuse', 'fuse.davfs2', 'fuse.glusterfs', 'fuse.ceph-fuse', 'fuse.smbnetfs',
  'fuse.curlftpfs', 'fuse.goofys', 'fuse.juicefs', 'fuse.seaweedfs', 'fuse.cephfs', 'fuse.mfs', 'fuse.lizardfs',
]);

export interface Koppeling {
  pad: string;
  soort: string;
  bron: string;
}

/** `\040` and friends in mountinfo are octal escapes (a space in a mount point). */
const ontsnap = (t: string) => t.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));

/** The mount table as /proc/self/mountinfo gives it. */
export function leesKoppelingen(mountinfo: string): Koppeling[] {
  const uit: Koppeling[] = [];
  for (const regel of mountinfo.split('\n')) {
    const [voor, na] = regel.split(' - ');
    if (!voor || !na) continue;
    const velden = voor.split(' ');
    const [soort, bron] = na.split(' ');
    if (velden[4] && soort) uit.push({ pad: ontsnap(velden[4]), soort, bron: ontsnap(bron ?? '') });
  }
  return uit;
}

/** The mount that holds `pad` (the deepest mount point above it), or undefined when none is known. */
export function koppelingVan(pad: string, koppelingen: readonly Koppeling[]): Koppeling | undefined {
  let beste: Koppeling | undefined;
  for (const k of koppelingen) {
    const onder = k.pad === '/' || pad === k.pad || pad.startsWith(`${k.pad}/`);
    // A later line for the same point is mounted over the earlier one.
    if (onder && (!beste || k.pad.length >= beste.pad.length)) beste = k;
  }
  return beste;
}

/** The network mount a database at `pad` would be on, or undefined (a local disk, or not Linux). */
export function netwerkschijf(pad: string, mountinfo?: string): Koppeling | undefined {
  let tabel = mountinfo;
  if (tabel === undefined) {
    try {
      tabel = readFileSync('/proc/self/mountinfo', 'utf8');
    } catch {
      return undefined;
    }
  }
  // The real place of the file, or of the nearest folder above it that exists.
  let plek = pad;
  while (!existsSync(plek) && dirname(plek) !== plek) plek = dirname(plek);
  try {
    plek = realpathSync(plek);
  } catch {
    return undefined;
  }
  const k = koppelingVan(plek, leesKoppelingen(tabel));
  return k && NETWERK.has(k.soort) ? k : undefined;
}
