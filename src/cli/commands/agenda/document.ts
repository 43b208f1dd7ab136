/** Writing an agenda or minutes skeleton to --output, with a clear message when the place is not writable. */
import { dirname, resolve } from 'node:path';
import { DomainError } from '../../../domain/errors.js';
import { schrijfAtomisch } from '../../bestand.js';

export function schrijfDocument(pad: string, inhoud: string): void {
  try {
    schrijfAtomisch(pad, inhoud);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const map = dirname(resolve(pad));
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new DomainError(`Kan het document niet schrijven in ${map}: geen schrijfrechten. Er is niets geschreven.`);
    if (code === 'ENOSPC') throw new DomainError(`Kan het document niet schrijven in ${map}: de schijf is vol. Er is niets geschreven.`);
    throw e;
  }
}
