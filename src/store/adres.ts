/** Where a database is: a file path, or a PostgreSQL address (SPEC §7). Cheap: no driver is loaded here. */

/** Whether `adres` names a PostgreSQL database rather than a file. */
export function isPostgresAdres(adres: string): boolean {
  return /^postgres(ql)?:\/\//i.test(adres);
}

/** The address as it may be shown: without a password. */
export function toonbaarAdres(adres: string): string {
  if (!isPostgresAdres(adres)) return adres;
  try {
    const url = new URL(adres);
    url.password = '';
    url.searchParams.delete('password');
    return url.toString().replace(/^(postgres(?:ql)?:\/\/[^:@/]*):@/i, '$1@');
  } catch {
    return adres.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@').replace(/([?&]password=)[^&]*/i, '$1***');
  }
}
