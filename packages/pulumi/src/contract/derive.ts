import { ECHOED, type InputSpec, type PropertySpec, type ResourceContract } from "./property.js";

/** Every input's name, in the contract's order: what check accepts (any other key is a typo). */
export function inputNames<C extends ResourceContract>(contract: C): (keyof C["inputs"] & string)[] {
  return Object.keys(contract.inputs) as (keyof C["inputs"] & string)[];
}

/** The inputs the program must give. */
export function requiredInputs(contract: ResourceContract): string[] {
  return Object.entries(contract.inputs)
    .filter(([, spec]) => spec.required === true)
    .map(([name]) => name);
}

/** The inputs always kept secret (the resource's constructor wraps them in `pulumi.secret`). */
export function secretInputs(contract: ResourceContract): string[] {
  return Object.entries(contract.inputs)
    .filter(([, spec]) => spec.secret === true)
    .map(([name]) => name);
}

/** The inputs whose change mints a replacement; every other input is changed in place. */
export function replacingInputs(contract: ResourceContract): string[] {
  return Object.entries(contract.inputs)
    .filter(([, spec]) => spec.replaceOnChanges === true)
    .map(([name]) => name);
}

/** Every state property in the schema's order, each with its spec: declared outputs and echoed inputs. */
export function stateProperties(contract: ResourceContract): [string, PropertySpec][] {
  const echo = (name: string, input: InputSpec): PropertySpec => {
    const { state, replaceOnChanges: _replace, defaultFromEnv: _env, ...spec } = input;
    const description =
      typeof state === "string" ? state : `The \`${name}\` argument.${input.secret ? " Secret." : ""}`;
    return { ...spec, description };
  };
  const echoed = Object.entries(contract.inputs).filter(([, spec]) => spec.state !== false);
  const placed = new Set(Object.keys(contract.outputs));
  const listed = Object.entries(contract.outputs).map(([name, spec]): [string, PropertySpec] => {
    if (spec !== ECHOED) return [name, spec];
    const input = contract.inputs[name];
    if (input === undefined || input.state === false) {
      throw new Error(`${contract.token}: output ${name} is marked echoed but is no kept input`);
    }
    return [name, echo(name, input)];
  });
  const appended = echoed
    .filter(([name]) => !placed.has(name))
    .map(([name, input]): [string, PropertySpec] => [name, echo(name, input)]);
  return [...listed, ...appended];
}

/** The outputs the resource computes (not echoed inputs), which a resource declares as undefined inputs. */
export function outputNames(contract: ResourceContract): string[] {
  return Object.entries(contract.outputs)
    .filter(([, spec]) => spec !== ECHOED)
    .map(([name]) => name);
}

/** The computed outputs that are secret: marked secret in state whatever program or SDK declared them. */
export function secretOutputs(contract: ResourceContract): string[] {
  return Object.entries(contract.outputs)
    .filter(([, spec]) => spec !== ECHOED && spec.secret === true)
    .map(([name]) => name);
}
