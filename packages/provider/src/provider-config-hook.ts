import { createRequire } from "node:module";
import type { CheckFailure } from "@pulumi/pulumi/provider/index.js";

// @pulumi/pulumi's Node.js provider server (what `main(provider, args)` serves) drops the provider's
// settings: its Configure ignores the request, and CheckConfig answers "unimplemented". This hooks the
// server object `main` registers, so Configure hands the settings over and CheckConfig validates them.
// DiffConfig stays unimplemented on purpose: the engine then updates the provider in place when a
// setting changes (a rotated client secret), never replacing the tokens it manages.

export interface ProviderConfigHandlers {
  checkConfig(news: Record<string, unknown>): CheckFailure[];
  configure(settings: Record<string, unknown>): void;
}

type Callback = (error: unknown, response?: unknown) => void;
type Handler = (call: { request: ConfigRequest }, callback: Callback) => void;
interface ProtoStruct {
  toJavaScript(): Record<string, unknown>;
}
interface ConfigRequest {
  getNews(): ProtoStruct | undefined;
  getArgs(): ProtoStruct | undefined;
  getVariablesMap(): { toArray(): [string, string][] };
}

// The same module instances @pulumi/pulumi's server uses (the hook compares and builds their objects),
// so resolved from @pulumi/pulumi's own directory. The standalone plugin's bundler resolves these
// `require` calls from there too (scripts/bundle-plugin.mjs drops this line and bundles them).
const require = createRequire(createRequire(import.meta.url).resolve("@pulumi/pulumi"));
const grpc = require("@grpc/grpc-js") as {
  Server: { prototype: { addService(service: unknown, implementation: Record<string, Handler>): void } };
};
const providerService = require("./proto/provider_grpc_pb").ResourceProviderService as unknown;
const providerProto = require("./proto/provider_pb") as {
  CheckResponse: new () => {
    setInputs(inputs: unknown): void;
    setFailuresList(failures: unknown[]): void;
  };
  CheckFailure: new () => { setProperty(property: string): void; setReason(reason: string): void };
};
const structProto = require("google-protobuf/google/protobuf/struct_pb") as {
  Struct: { fromJavaScript(value: Record<string, unknown>): unknown };
};

/** Call before `main`: wires `handlers` into the provider server `main` is about to register. */
export function handleProviderConfig(handlers: ProviderConfigHandlers): void {
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (service, implementation) {
    if (service === providerService) wire(implementation, handlers);
    return addService.call(this, service, implementation);
  };
}

function wire(server: Record<string, Handler>, handlers: ProviderConfigHandlers): void {
  server.checkConfig = (call, callback) => {
    try {
      const news = call.request.getNews()?.toJavaScript() ?? {};
      const response = new providerProto.CheckResponse();
      response.setInputs(structProto.Struct.fromJavaScript(news));
      response.setFailuresList(
        handlers.checkConfig(news).map(({ property, reason }) => {
          const failure = new providerProto.CheckFailure();
          failure.setProperty(property);
          failure.setReason(reason);
          return failure;
        }),
      );
      callback(undefined, response);
    } catch (error) {
      callback(error);
    }
  };
  const configure = server.configure?.bind(server);
  server.configure = (call, callback) => {
    try {
      handlers.configure(settingsOf(call.request));
    } catch (error) {
      callback(error);
      return;
    }
    configure?.(call, callback);
  };
}

/** The settings from Configure: its args (typed, secrets wrapped), else the older `pkg:config:key` map. */
function settingsOf(request: ConfigRequest): Record<string, unknown> {
  const args = request.getArgs()?.toJavaScript();
  if (args) return args;
  return Object.fromEntries(
    request
      .getVariablesMap()
      .toArray()
      .map(([key, value]) => [key.replace(/^[^:]+:config:/, ""), value]),
  );
}
