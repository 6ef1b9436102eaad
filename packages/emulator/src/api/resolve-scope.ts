import { type ValidationProblem, validationFailed } from "../errors.js";
import type { Account, App, Installation, Repository, TokenScope } from "../model.js";
import type { PermissionCatalogue } from "../permission-catalogue.js";
import { isWithin, type PermissionName, type PermissionSet } from "../permissions.js";
import type { Store } from "../store/store.js";
import type { ScopeTokenBody } from "./request-schemas.js";

const RESOURCE = "Installation";

/**
 * Checks the rules of a scope request that need no stored state (so a bad request fails fast),
 * permissions against the catalogue of the API version served.
 */
export function scopeRequestProblems(
  body: ScopeTokenBody,
  catalogue: PermissionCatalogue,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const hasTarget = body.target != null;
  const hasTargetId = body.target_id != null;
  if (hasTarget === hasTargetId) {
    problems.push({
      resource: RESOURCE,
      field: "target",
      code: hasTarget ? "invalid" : "missing_field",
      message: "Exactly one of target or target_id is required",
    });
  }
  if (body.repositories != null && body.repository_ids != null) {
    problems.push({
      resource: RESOURCE,
      field: "repositories",
      code: "invalid",
      message: "repositories may not be specified if repository_ids is specified",
    });
  }
  if (body.permissions != null) {
    for (const message of catalogue.problems(body.permissions)) {
      problems.push({ resource: RESOURCE, field: "permissions", code: "invalid", message });
    }
  }
  return problems;
}

function accessibleRepositories(store: Store, installation: Installation): Repository[] {
  const all = store.listRepositories(installation.accountId);
  if (installation.repositorySelection === "all") return all;
  const selected = new Set(installation.repositoryIds);
  return all.filter((repository) => selected.has(repository.id));
}

function narrowPermissions(
  requested: Record<string, unknown> | null | undefined,
  granted: PermissionSet,
): { permissions: PermissionSet; problems: ValidationProblem[] } {
  if (requested == null || Object.keys(requested).length === 0) return { permissions: granted, problems: [] };
  const permissions = requested as PermissionSet;
  const problems: ValidationProblem[] = [];
  for (const [name, level] of Object.entries(permissions)) {
    if (level && !isWithin(level, granted[name as PermissionName])) {
      problems.push({
        resource: RESOURCE,
        field: "permissions",
        code: "invalid",
        message: `${name}:${level} is beyond what the installation was granted`,
      });
    }
  }
  return { permissions, problems };
}

function selectRepositories(
  body: ScopeTokenBody,
  installation: Installation,
  accessible: Repository[],
): { selection: Pick<TokenScope, "repositorySelection" | "repositoryIds">; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const ids = new Set<number>();
  if (body.repositories != null) {
    for (const name of body.repositories) {
      const found = accessible.find((repository) => repository.name.toLowerCase() === name.toLowerCase());
      if (found) ids.add(found.id);
      else
        problems.push({
          resource: RESOURCE,
          field: "repositories",
          code: "invalid",
          message: `${name} is not a repository of the installation`,
        });
    }
  } else if (body.repository_ids != null) {
    for (const id of body.repository_ids) {
      if (accessible.some((repository) => repository.id === id)) ids.add(id);
      else
        problems.push({
          resource: RESOURCE,
          field: "repository_ids",
          code: "invalid",
          message: `${id} is not a repository of the installation`,
        });
    }
  } else {
    return {
      selection: {
        repositorySelection: installation.repositorySelection,
        repositoryIds: installation.repositoryIds,
      },
      problems,
    };
  }
  return { selection: { repositorySelection: "selected", repositoryIds: [...ids] }, problems };
}

/**
 * What a scope request narrows the app's installation on the target to. Throws a 422 when the target
 * has no installation of the app, or when the request asks for more than the installation has.
 */
export function resolveScope(
  store: Store,
  app: App,
  body: ScopeTokenBody,
  docs: string,
): { scope: TokenScope; target: Account } {
  const target =
    body.target != null ? store.findAccountByLogin(body.target) : store.findAccountById(body.target_id ?? -1);
  const field = body.target != null ? "target" : "target_id";
  if (!target) {
    throw validationFailed(docs, [
      { resource: RESOURCE, field, code: "invalid", message: "The target account does not exist" },
    ]);
  }
  const installation = store.findInstallation(app.id, target.id);
  if (!installation) {
    throw validationFailed(docs, [
      {
        resource: RESOURCE,
        field,
        code: "invalid",
        message: "The app is not installed on the target account",
      },
    ]);
  }
  const narrowed = narrowPermissions(body.permissions, installation.permissions);
  const repositories = selectRepositories(body, installation, accessibleRepositories(store, installation));
  const problems = [...narrowed.problems, ...repositories.problems];
  if (problems.length > 0) throw validationFailed(docs, problems);
  return {
    target,
    scope: {
      targetAccountId: target.id,
      installationId: installation.id,
      permissions: narrowed.permissions,
      ...repositories.selection,
    },
  };
}
