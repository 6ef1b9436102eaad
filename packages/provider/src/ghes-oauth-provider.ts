import * as scopedToken from "@ghes-oauth/pulumi/provider-runtime";
import * as scopedTokenSet from "@ghes-oauth/pulumi/token-set-runtime";
import * as userToken from "@ghes-oauth/pulumi/user-token-runtime";
import type { Provider } from "@pulumi/pulumi/provider/index.js";
import { type NativeResource, nativeResource } from "./native-resource.js";
import { providerVersion, schemaText, secretOutputsOf } from "./schema.js";

const SCOPED_TOKEN = "ghes-oauth:index:ScopedToken";
const SCOPED_TOKEN_SET = "ghes-oauth:index:ScopedTokenSet";
const USER_TOKEN = "ghes-oauth:index:UserToken";

/** Each resource type of the schema, adapted from @ghes-oauth/pulumi's runtime. */
const resources: Record<string, NativeResource> = {
  [SCOPED_TOKEN]: nativeResource(scopedToken, secretOutputsOf(SCOPED_TOKEN)),
  [USER_TOKEN]: nativeResource(userToken, secretOutputsOf(USER_TOKEN)),
  // Entries are minted and revoked one by one inside update: the set as a whole is never replaced.
  [SCOPED_TOKEN_SET]: nativeResource(scopedTokenSet, secretOutputsOf(SCOPED_TOKEN_SET), { updateOnly: true }),
};

/** `urn:pulumi:stack::project::[parent$]ghes-oauth:index:ScopedToken::name` -> its resource. */
function resourceOf(urn: string): NativeResource {
  const type = urn.split("::")[2]?.split("$").at(-1) ?? "";
  const resource = resources[type];
  if (!resource) throw new Error(`the ghes-oauth provider has no resource type ${type}`);
  return resource;
}

/** The ghes-oauth provider as @pulumi/pulumi/provider's `main` serves it. */
export const ghesOAuthProvider: Provider = {
  version: providerVersion,
  getSchema: async () => schemaText,
  check: (urn, olds, news) => resourceOf(urn).check(olds, news),
  diff: (_id, urn, olds, news) => resourceOf(urn).diff(olds, news),
  create: (urn, inputs) => resourceOf(urn).create(inputs),
  read: (id, urn, props) => resourceOf(urn).read(id, props ?? {}),
  update: (id, urn, olds, news) => resourceOf(urn).update(id, olds, news),
  delete: (id, urn, props) => resourceOf(urn).delete(id, props),
};
