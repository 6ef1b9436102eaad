import type { Account } from "../model.js";
import type { EmulatorUrls } from "./urls.js";

/** GitHub's legacy global node id, e.g. `MDQ6VXNlcjE=` for user 1. */
function nodeId(account: Account): string {
  return Buffer.from(`0${account.type.length}:${account.type}${account.id}`).toString("base64");
}

export type UserView = ReturnType<typeof renderUser>;

// Accounts never change and each store hands out one object per account: render each once.
const rendered = new WeakMap<Account, UserView>();

/** An account rendered as GitHub's `simple-user`. */
export function userView(account: Account, urls: EmulatorUrls): UserView {
  let view = rendered.get(account);
  if (!view) {
    view = renderUser(account, urls);
    rendered.set(account, view);
  }
  return view;
}

function renderUser(account: Account, urls: EmulatorUrls) {
  const api = `${urls.apiUrl}/users/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account),
    avatar_url: `${urls.origin}/identicons/${account.login}.png`,
    gravatar_id: "",
    url: api,
    html_url: `${urls.origin}/${account.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    site_admin: false,
  };
}
