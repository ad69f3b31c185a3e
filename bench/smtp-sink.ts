/**
 * A local SMTP sink for the reminders benchmark, in its own process so that receiving mail does
 * not share the event loop being measured. Prints its port, then answers "count" messages on
 * IPC with the number of messages and of distinct Message-IDs accepted.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let messages = 0;
const messageIds = new Set<string>();

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 1024 * 1024,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 8192) head += chunk.toString('utf8');
    });
    stream.on('end', () => {
      messages += 1;
      const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
      if (id) messageIds.add(id);
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.server.address() as AddressInfo).port });
});

process.on('message', (request) => {
  if (request === 'count') process.send!({ messages, distinct: messageIds.size });
  if (request === 'stop') server.close(() => process.exit(0));
});
