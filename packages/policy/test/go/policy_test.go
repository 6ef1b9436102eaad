package policygotest

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/ghes-oauth/ghes-oauth/packages/provider/sdk/go/ghesoauth"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func env(t *testing.T, key string) string {
	t.Helper()
	value := os.Getenv(key)
	if value == "" {
		t.Fatalf("%s is not set: run this through packages/policy's vitest test (test/native-go.test.ts)", key)
	}
	return value
}

// The violating program of packages/policy/test/support/scenario.ts on the native resources (generated
// Go SDK, Go Automation API, no language host), previewed with the policy pack and a config file. The
// calling vitest test reads the violations from the output this prints between the markers.
func TestPolicyPackOnNativeResources(t *testing.T) {
	ctx := context.Background()
	apiURL, clientID := env(t, "GHES_TEST_API_URL"), env(t, "GHES_TEST_CLIENT_ID")
	clientSecret, seed := env(t, "GHES_TEST_CLIENT_SECRET"), env(t, "GHES_TEST_REFRESH_TOKEN")
	plain := env(t, "GHES_TEST_PLAIN_TOKEN")
	pack, config := env(t, "GHES_TEST_POLICY_PACK"), env(t, "GHES_TEST_POLICY_CONFIG")

	entry := func(repository, permission, level string) ghesoauth.ScopedTokenSpecArgs {
		return ghesoauth.ScopedTokenSpecArgs{
			Target:       pulumi.String("acme"),
			Repositories: pulumi.StringArray{pulumi.String(repository)},
			Permissions:  pulumi.StringMap{permission: pulumi.String(level)},
		}
	}
	program := func(ctx *pulumi.Context) error {
		provider, err := ghesoauth.NewProvider(ctx, "acme-app", &ghesoauth.ProviderArgs{
			BaseUrl:      pulumi.String(apiURL),
			ClientId:     pulumi.String(clientID),
			ClientSecret: pulumi.String(clientSecret),
		})
		if err != nil {
			return err
		}
		user, err := ghesoauth.NewUserToken(ctx, "octocat", &ghesoauth.UserTokenArgs{
			RefreshToken:   pulumi.String(seed),
			RenewBefore:    pulumi.String("10m"),
			RevokeOnDelete: pulumi.String("none"),
		}, pulumi.Provider(provider))
		if err != nil {
			return err
		}
		if _, err := ghesoauth.NewScopedToken(ctx, "wide", &ghesoauth.ScopedTokenArgs{
			AccessToken:     user.AccessToken,
			Target:          pulumi.String("beta"),
			Permissions:     pulumi.StringMap{"contents": pulumi.String("write")},
			RotationTrigger: pulumi.String(plain),
		}, pulumi.Provider(provider)); err != nil {
			return err
		}
		_, err = ghesoauth.NewScopedTokenSet(ctx, "bots", &ghesoauth.ScopedTokenSetArgs{
			AccessToken: user.AccessToken,
			RenewBefore: pulumi.String("3h"),
			Scopes: ghesoauth.ScopedTokenSpecMap{
				"docs-read": entry("docs", "contents", "read"),
				"api-read":  entry("api", "contents", "read"),
				"admin":     entry("api", "issues", "write"),
			},
		}, pulumi.Provider(provider))
		return err
	}

	stack, err := auto.UpsertStackInlineSource(ctx, "test", "policy-native-go", program,
		auto.WorkDir(t.TempDir()),
		auto.SecretsProvider("passphrase"),
		auto.EnvVars(map[string]string{
			"PULUMI_BACKEND_URL":       "file://" + t.TempDir(),
			"PULUMI_CONFIG_PASSPHRASE": "ghes-oauth-tests",
			"PATH":                     os.Getenv("PATH"),
		}),
	)
	if err != nil {
		t.Fatalf("stack: %v", err)
	}
	_, err = stack.Preview(ctx, optpreview.PolicyPacks(pack), optpreview.PolicyPackConfigs(config))
	if err == nil {
		t.Fatal("preview succeeded: the mandatory policies should have refused the program")
	}
	// The error carries the CLI's whole stdout and stderr, the policy report included.
	fmt.Printf("=== preview output ===\n%v\n=== end of preview output ===\n", err)
}
