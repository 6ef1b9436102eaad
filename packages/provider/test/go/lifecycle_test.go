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
// engine starting the native plugin: an explicit Provider, a UserToken seeded with a refresh token, two
// ScopedTokens and a ScopedTokenSet of two entries minted from it; up, refresh, a renewal (the
// emulator's clock 7 h on, within renewBefore), destroy; no live token of the app is left.
func TestGoProgramLifecycle(t *testing.T) {
	ctx := context.Background()
	w := worldFromEnv(t)
	// The world's own sign-in and the seed's pair are live before the stack: anything live after
	// destroy must be one of these (the seed's pair is consumed by the first refresh anyway).
	before := map[string]bool{}
	for _, token := range w.liveTokens(t) {
		before[token.HashedToken] = true
	}

	program := func(ctx *pulumi.Context) error {
		provider, err := ghesoauth.NewProvider(ctx, "acme-app", &ghesoauth.ProviderArgs{
			BaseUrl:      pulumi.String(w.apiURL),
			ClientId:     pulumi.String(w.clientID),
			ClientSecret: pulumi.String(w.clientSecret),
		})
		if err != nil {
			return err
		}
		user, err := ghesoauth.NewUserToken(ctx, "octocat", &ghesoauth.UserTokenArgs{
			RefreshToken: pulumi.String(w.refreshToken),
			RenewBefore:  pulumi.String("2h"),
		}, pulumi.Provider(provider))
		if err != nil {
			return err
		}
		reader, err := ghesoauth.NewScopedToken(ctx, "reader", &ghesoauth.ScopedTokenArgs{
			AccessToken:  user.AccessToken,
			RenewBefore:  pulumi.String("2h"),
			Target:       pulumi.String("acme"),
			Repositories: pulumi.StringArray{pulumi.String("api")},
			Permissions:  pulumi.StringMap{"contents": pulumi.String("read")},
		}, pulumi.Provider(provider))
		if err != nil {
			return err
		}
		writer, err := ghesoauth.NewScopedToken(ctx, "writer", &ghesoauth.ScopedTokenArgs{
			AccessToken: user.AccessToken,
			RenewBefore: pulumi.String("2h"),
			TargetId:    pulumi.Int(w.orgID),
			Permissions: pulumi.StringMap{"issues": pulumi.String("write")},
		}, pulumi.Provider(provider))
		if err != nil {
			return err
		}
		set, err := ghesoauth.NewScopedTokenSet(ctx, "ci", &ghesoauth.ScopedTokenSetArgs{
			AccessToken: user.AccessToken,
			RenewBefore: pulumi.String("2h"),
			Scopes: ghesoauth.ScopedTokenSpecMap{
				"docs-read": ghesoauth.ScopedTokenSpecArgs{
					Target:       pulumi.String("acme"),
					Repositories: pulumi.StringArray{pulumi.String("docs")},
					Permissions:  pulumi.StringMap{"contents": pulumi.String("read")},
				},
				"issue-bot": ghesoauth.ScopedTokenSpecArgs{
					TargetId:    pulumi.Int(w.orgID),
					Permissions: pulumi.StringMap{"issues": pulumi.String("write")},
				},
			},
		}, pulumi.Provider(provider))
		if err != nil {
			return err
		}
		ctx.Export("setTokens", set.Tokens)
		ctx.Export("setDocsSelection", set.TokenDetails.MapIndex(pulumi.String("docs-read")).RepositorySelection())
		ctx.Export("userAccessToken", user.AccessToken)
		ctx.Export("userLogin", user.UserLogin)
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
	if got := up.Outputs["userLogin"].Value; got != "octocat" {
		t.Fatalf("userLogin = %v, want octocat", got)
	}
	if !up.Outputs["userAccessToken"].Secret {
		t.Fatal("userAccessToken is not a secret")
	}
	if got := up.Outputs["writerTarget"].Value; got != "acme" {
		t.Fatalf("writerTarget = %v, want acme", got)
	}
	setTokens := up.Outputs["setTokens"]
	if !setTokens.Secret {
		t.Fatal("the set's tokens are not a secret")
	}
	firstSet := setTokens.Value.(map[string]interface{})
	for _, name := range []string{"docs-read", "issue-bot"} {
		if token, _ := firstSet[name].(string); !tokenShape.MatchString(token) {
			t.Fatalf("set token %q: want a ghu_ token", name)
		}
	}
	if got := up.Outputs["setDocsSelection"].Value; got != "selected" {
		t.Fatalf("setDocsSelection = %v, want selected", got)
	}
	if n := countScoped(w.liveTokens(t)); n != 4 {
		t.Fatalf("after up: %d live scoped tokens, want 4 (two ScopedTokens, a set of two)", n)
	}

	if _, err := stack.Refresh(ctx, optrefresh.ProgressStreams(os.Stdout)); err != nil {
		t.Fatalf("refresh: %v", err)
	}
	if n := countScoped(w.liveTokens(t)); n != 4 {
		t.Fatalf("after refresh: %d live scoped tokens, want 4", n)
	}

	// Renewal: 7 hours later every token is within renewBefore of its 8-hour expiry; up renews them all.
	w.advanceClock(t, 7*3600)
	renewed, err := stack.Up(ctx, optup.ProgressStreams(os.Stdout))
	if err != nil {
		t.Fatalf("up 7 h later: %v", err)
	}
	if renewed.Outputs["userAccessToken"].Value == up.Outputs["userAccessToken"].Value {
		t.Fatal("the user token was not renewed")
	}
	if renewed.Outputs["readerToken"].Value == first.Value {
		t.Fatal("readerToken was not renewed")
	}
	renewedSet := renewed.Outputs["setTokens"].Value.(map[string]interface{})
	for name, token := range firstSet {
		if renewedSet[name] == token {
			t.Fatalf("set token %q was not renewed", name)
		}
	}
	if n := countScoped(w.liveTokens(t)); n != 4 {
		t.Fatalf("after renewal: %d live scoped tokens, want 4", n)
	}

	if _, err := stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stdout)); err != nil {
		t.Fatalf("destroy: %v", err)
	}
	for _, token := range w.liveTokens(t) {
		if !before[token.HashedToken] {
			t.Fatalf("after destroy: the stack's token ...%s (scoped=%v) is still live", token.TokenLastEight, token.Scoped)
		}
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
