import { githubTimestamp } from "../clock.js";
import type { Account, App, TokenRecord, TokenScope } from "../model.js";
import type { EmulatorUrls } from "./urls.js";
import { userView } from "./user-view.js";

export interface AuthorizationParts {
  record: TokenRecord;
  /** The token value: known only right after it was issued or presented. */
  token: string;
  app: App;
  user: Account;
  /** The target account of a scoped token. */
  target?: Account | undefined;
}

/** A token rendered as GitHub's `authorization` object (with `installation` when scoped). */
export function authorizationView(
  { record, token, app, user, target }: AuthorizationParts,
  urls: EmulatorUrls,
) {
  const view = {
    id: record.id,
    url: `${urls.apiUrl}/authorizations/${record.id}`,
    scopes: [...(record.oauthScopes ?? [])],
    token,
    token_last_eight: record.lastEight,
    hashed_token: record.hashedToken,
    app: { url: `${urls.origin}/apps/${app.slug}`, name: app.name, client_id: app.clientId },
    note: record.note,
    note_url: record.noteUrl,
    created_at: githubTimestamp(record.createdAt),
    updated_at: githubTimestamp(record.updatedAt),
    fingerprint: record.fingerprint,
    expires_at: record.expiresAt === null ? null : githubTimestamp(record.expiresAt),
    user: userView(user, urls),
  };
  if (!record.scope || !target) return view;
  return { ...view, installation: scopedInstallationView(record.scope, target, urls) };
}

/** The `installation` of a scoped token (GitHub's `scoped-installation`). */
function scopedInstallationView(scope: TokenScope, target: Account, urls: EmulatorUrls) {
  return {
    permissions: scope.permissions,
    repository_selection: scope.repositorySelection,
    single_file_name: null,
    repositories_url: `${urls.apiUrl}/user/repos`,
    account: userView(target, urls),
    has_multiple_single_files: false,
    single_file_paths: [] as string[],
  };
}
