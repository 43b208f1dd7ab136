import { DOELWITTEN } from './doelwitten.js';
import { toetsVijandigeInvoer } from './vijandig.js';

toetsVijandigeInvoer(DOELWITTEN.filter((d) => d.commando.startsWith('overleg ')));
