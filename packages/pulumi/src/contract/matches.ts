import type { ResourceContract } from "./property.js";

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T] & string;
type ContractRequired<C extends ResourceContract> = {
  [K in keyof C["inputs"]]: C["inputs"][K] extends { readonly required: true } ? K : never;
}[keyof C["inputs"]] &
  string;

/**
 * Compiles only when `Args` (a resource's hand-written argument type) has exactly the contract's inputs,
 * and exactly its required ones required: `const _: ArgsMatch<typeof contract, Args> = true`.
 */
export type ArgsMatch<C extends ResourceContract, Args> = [keyof Args] extends [keyof C["inputs"]]
  ? [keyof C["inputs"]] extends [keyof Args]
    ? [RequiredKeys<Args>] extends [ContractRequired<C>]
      ? [ContractRequired<C>] extends [RequiredKeys<Args>]
        ? true
        : { missingRequired: Exclude<ContractRequired<C>, RequiredKeys<Args>> }
      : { requiredButOptionalInContract: Exclude<RequiredKeys<Args>, ContractRequired<C>> }
    : { missingInArgs: Exclude<keyof C["inputs"], keyof Args> }
  : { notInContract: Exclude<keyof Args, keyof C["inputs"]> };
