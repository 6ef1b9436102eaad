// Scoped GitHub user-to-server tokens on GitHub Enterprise Server (or github.com), managed as code: `pulumi up` mints them, `pulumi refresh` checks them, `pulumi destroy` revokes them.
package ghesoauth
