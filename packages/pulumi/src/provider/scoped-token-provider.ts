import type * as pulumi from "@pulumi/pulumi";

type ProviderRuntime = typeof import("../runtime/index.js");

/**
 * The provider the engine serializes into state. Each method loads the implementation by package name
 * inside the dynamic-provider host (resolved from the Pulumi project's directory), so the serialized
 * text holds no code but these stubs, captures no secret, and `pulumi destroy` runs the installed
 * version. Nothing but `require` may be referenced here: anything else would be serialized too.
 */
export const scopedTokenProvider: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    (require("@ghes-oauth/pulumi/provider-runtime") as ProviderRuntime).configureFromStack(req.config);
  },
  async check(olds, news) {
    return (require("@ghes-oauth/pulumi/provider-runtime") as ProviderRuntime).check(olds, news);
  },
  async diff(_id, olds, news) {
    return (require("@ghes-oauth/pulumi/provider-runtime") as ProviderRuntime).diff(olds, news);
  },
  async create(inputs) {
    return (require("@ghes-oauth/pulumi/provider-runtime") as ProviderRuntime).create(inputs);
  },
  async read(id, props) {
    return (require("@ghes-oauth/pulumi/provider-runtime") as ProviderRuntime).read(id, props);
  },
  async update(id, olds, news) {
    return (require("@ghes-oauth/pulumi/provider-runtime") as ProviderRuntime).update(id, olds, news);
  },
  async delete(id, props) {
    return (require("@ghes-oauth/pulumi/provider-runtime") as ProviderRuntime).delete(id, props);
  },
};
