import type { Route } from "../http/exchange.js";
import { deviceRoutes } from "./device-routes.js";
import type { PageDependencies } from "./page-context.js";
import { signInRoutes } from "./sign-in-routes.js";
import { stylesheetRoute } from "./stylesheet.js";
import { webFlowRoutes } from "./web-flow-routes.js";

/** The pages GitHub shows a person: sign in, the device flow's code entry, the web flow's authorize page. */
export function pageRoutes(deps: PageDependencies): Route[] {
  return [stylesheetRoute, ...signInRoutes(deps), ...deviceRoutes(deps), ...webFlowRoutes(deps)];
}
