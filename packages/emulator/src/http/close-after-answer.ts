import type { Socket } from "node:net";

/** How long a connection closed after an answer keeps discarding what its client still sends. */
const LINGER_MS = 2_000;

/**
 * Prepares `socket` to be closed gracefully after an answer sent with `connection: close` while the
 * client may still be uploading (a 413 to an oversized body).
 *
 * Node destroys such a socket as soon as the answer is written. With upload bytes still arriving, the
 * kernel then answers them with a TCP reset, and a reset can overtake the answer: the client sees
 * ECONNRESET instead of the 413. So this closes only our sending side (FIN after the answer), keeps
 * discarding what still arrives, and destroys the socket when the client closes its side or after
 * LINGER_MS, whichever comes first (the "lingering close" of HTTP servers).
 */
export function lingerOnClose(socket: Socket): void {
  socket.destroySoon = function lingeringClose(this: Socket) {
    this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once("close", () => clearTimeout(timer));
  };
}
