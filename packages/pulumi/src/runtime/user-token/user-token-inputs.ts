import type { UserTokenInputs, UserTokenState } from "../../dynamic/user-token-state.js";
import { declaredInputs } from "../shared/declared-inputs.js";
import { USER_TOKEN_PROPERTIES, USER_TOKEN_SETTINGS } from "./inputs-schema.js";

/** The inputs as the provider got them, minus the engine's own keys. */
export function userTokenInputsOf(props: Record<string, unknown>): UserTokenInputs {
  return declaredInputs(props, USER_TOKEN_PROPERTIES);
}

/** The settings that go into state as they are (the seed does not: only its hash). */
export function settingsOf(inputs: UserTokenInputs): Omit<UserTokenInputs, "refreshToken"> {
  const { refreshToken: _seed, ...settings } = inputs;
  return settings;
}

/** The state minus its settings, so a setting removed from the program does not linger. */
export function factsOf(state: UserTokenState): UserTokenState {
  const settings: readonly string[] = USER_TOKEN_SETTINGS;
  return Object.fromEntries(
    Object.entries(state).filter(([name]) => !settings.includes(name)),
  ) as unknown as UserTokenState;
}
