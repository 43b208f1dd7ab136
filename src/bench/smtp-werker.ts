/**
 * The mail server on localhost for the bench's mail line (SPEC §6: `melding add --doorzetten politie`
 * with the mail going to an SMTP server on this machine). It runs in a worker thread: the bench waits
 * for each kvz run with spawnSync, and the server must answer meanwhile. It counts what it accepts, so
 * the bench can tell that each run really sent its mail.
 *
 * Not smtp-server (which the tests use): it holds back every greeting for 100 ms to catch clients that
 * talk too early, with no option to turn that off, and that alone would be half the command's time. A
 * mail server that takes submissions answers at once; this one speaks just the SMTP that a submission
 * needs (EHLO, MAIL, RCPT, DATA, QUIT) and keeps nothing.
 */
import { createServer, type AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';

let ontvangen = 0;
const server = createServer((socket) => {
  socket.setNoDelay(true);
  socket.on('error', () => {});
  let rest = '';
  let bericht = false;
  socket.write('220 bench ESMTP\r\n');
  socket.on('data', (d: Buffer) => {
    rest += d.toString('latin1');
    for (;;) {
      if (bericht) {
        // The message ends with a line holding only a dot (right after the 354 reply when it is empty).
        const eind = rest.startsWith('.\r\n') ? 0 : rest.indexOf('\r\n.\r\n');
        if (eind < 0) return;
        rest = rest.slice(eind === 0 ? 3 : eind + 5);
        bericht = false;
        ontvangen++;
        socket.write('250 2.0.0 ontvangen\r\n');
        continue;
      }
      const n = rest.indexOf('\r\n');
      if (n < 0) return;
      const opdracht = rest.slice(0, 4).toUpperCase();
      rest = rest.slice(n + 2);
      if (opdracht === 'EHLO') socket.write('250-bench\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
      else if (opdracht === 'DATA') {
        bericht = true;
        socket.write('354 eindig met <CRLF>.<CRLF>\r\n');
      } else if (opdracht === 'QUIT') return void socket.end('221 2.0.0 tot ziens\r\n');
      else socket.write('250 2.0.0 ok\r\n'); // HELO, MAIL, RCPT, RSET, NOOP
    }
  });
});
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ poort: (server.address() as AddressInfo).port }));
// The bench asks how many arrived, and ends the thread when it is done.
parentPort!.on('message', () => parentPort!.postMessage({ ontvangen }));
