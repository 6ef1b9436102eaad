import type { Connection } from "../../dynamic/connection-args.js";
import { clientFor } from "./client-for.js";

// The server's clock minus ours, learned once per provider process and API: a 1,000-token stack costs
// one unauthenticated GET /meta. Cached as a promise so resources diffed at once share the one call.
const offsets = new Map<string, Promise<number>>();

/**
 * The current time on the server's clock (epoch ms), for judging the `expires_at` times the server
 * gave: a machine whose clock is off by minutes must still renew on time. Falls back to the local clock
 * when the server sends no usable `Date` header or cannot be reached (the call that follows will say so).
 */
export async function serverNow(connection: Connection): Promise<number> {
  let offset = offsets.get(connection.baseUrl);
  if (!offset) {
    offset = learnOffset(connection);
    offsets.set(connection.baseUrl, offset);
  }
  return Date.now() + (await offset);
}

async function learnOffset(connection: Connection): Promise<number> {
  try {
    const time = await clientFor(connection).serverTime();
    return time === undefined ? 0 : time.getTime() - Date.now();
  } catch {
    return 0;
  }
}
