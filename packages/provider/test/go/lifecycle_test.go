package nativegotest

import (
	"context"
	"os"
	"regexp"
	"testing"

	"github.com/ghes-oauth/ghes-oauth/packages/provider/sdk/go/ghesoauth"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

var tokenShape = regexp.MustCompile(`^ghu_[A-Za-z0-9]{36}$`)

// A Go program on the generated Go SDK, run inline by Go's Automation API (no language host), the
// engine starting the native plugin: an explicit Provider and two ScopedTokens; up, refresh, renewal
// after the emulator's clock moved past expiry, destroy; no scoped token is left live.
func TestGoProgramLifecycle(t *testing.T) {
	ctx := context.Background()
	w := worldFromEnv(t)
	userToken := w.userToken

	program := func(ctx *pulumi.Context) error {
		provider, err := ghesoauth.NewProvider(ctx, "acme-app", &ghesoauth.ProviderArgs{
			BaseUrl:      pulumi.String(w.apiURL),
			ClientId:     pulumi.String(w.clientID),
			ClientSecret: pulumi.String(w.clientSecret),
		})
		if err != nil {
			return err
		}
		reader, err := ghesoauth.NewScopedToken(ctx, "reader", &ghesoauth.ScopedTokenArgs{
			AccessToken:  pulumi.String(userToken),
			Target:       pulumi.String("acme"),
			Repositories: pulumi.StringArray{pulumi.String("api")},
			Permissions:  pulumi.StringMap{"contents": pulumi.String("read")},
		}, pulumi.Provider(provider))
		if err != nil {
			return err
		}
		writer, err := ghesoauth.NewScopedToken(ctx, "writer", &ghesoauth.ScopedTokenArgs{
			AccessToken: pulumi.String(userToken),
			TargetId:    pulumi.Int(w.orgID),
			Permissions: pulumi.StringMap{"issues": pulumi.String("write")},
		}, pulumi.Provider(provider))
		if err != nil {
			return err
		}
		ctx.Export("readerToken", reader.Token)
		ctx.Export("readerSelection", reader.RepositorySelection)
		ctx.Export("writerToken", writer.Token)
		ctx.Export("writerTarget", writer.TargetLogin)
		return nil
	}

	backend := t.TempDir()
	stack, err := auto.UpsertStackInlineSource(ctx, "test", "native-go", program,
		auto.WorkDir(t.TempDir()),
		auto.SecretsProvider("passphrase"),
		auto.EnvVars(map[string]string{
			"PULUMI_BACKEND_URL":       "file://" + backend,
			"PULUMI_CONFIG_PASSPHRASE": "ghes-oauth-tests",
			"PATH":                     os.Getenv("PATH"),
		}),
	)
	if err != nil {
		t.Fatalf("stack: %v", err)
	}

	up, err := stack.Up(ctx, optup.ProgressStreams(os.Stdout))
	if err != nil {
		t.Fatalf("up: %v", err)
	}
	first := up.Outputs["readerToken"]
	if !first.Secret || !tokenShape.MatchString(first.Value.(string)) {
		t.Fatalf("readerToken: want a secret ghu_ token, got secret=%v", first.Secret)
	}
	if got := up.Outputs["readerSelection"].Value; got != "selected" {
		t.Fatalf("readerSelection = %v, want selected", got)
	}
	if got := up.Outputs["writerTarget"].Value; got != "acme" {
		t.Fatalf("writerTarget = %v, want acme", got)
	}
	if n := countScoped(w.liveTokens(t)); n != 2 {
		t.Fatalf("after up: %d live scoped tokens, want 2", n)
	}

	if _, err := stack.Refresh(ctx, optrefresh.ProgressStreams(os.Stdout)); err != nil {
		t.Fatalf("refresh: %v", err)
	}
	if n := countScoped(w.liveTokens(t)); n != 2 {
		t.Fatalf("after refresh: %d live scoped tokens, want 2", n)
	}

	// Renewal: 9 hours later every token has expired; a fresh user token, then refresh + up re-mint.
	w.advanceClock(t, 9*3600)
	userToken = w.issueUserToken(t)
	if _, err := stack.Refresh(ctx, optrefresh.ProgressStreams(os.Stdout)); err != nil {
		t.Fatalf("refresh after expiry: %v", err)
	}
	renewed, err := stack.Up(ctx, optup.ProgressStreams(os.Stdout))
	if err != nil {
		t.Fatalf("up after expiry: %v", err)
	}
	if renewed.Outputs["readerToken"].Value == first.Value {
		t.Fatal("readerToken was not renewed")
	}
	if n := countScoped(w.liveTokens(t)); n != 2 {
		t.Fatalf("after renewal: %d live scoped tokens, want 2", n)
	}

	if _, err := stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stdout)); err != nil {
		t.Fatalf("destroy: %v", err)
	}
	if n := countScoped(w.liveTokens(t)); n != 0 {
		t.Fatalf("after destroy: %d live scoped tokens, want 0", n)
	}
}

func countScoped(tokens []liveToken) int {
	n := 0
	for _, token := range tokens {
		if token.Scoped {
			n++
		}
	}
	return n
}
