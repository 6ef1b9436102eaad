package nativegotest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"testing"
)

// world is the emulator the calling vitest test started and seeded (an org "acme" with repositories,
// an app installed on it, a user "octocat"), passed in through the environment.
type world struct {
	apiURL, adminURL, clientID, clientSecret, refreshToken string
	orgID                                                  int
}

func worldFromEnv(t *testing.T) world {
	t.Helper()
	get := func(key string) string {
		value := os.Getenv(key)
		if value == "" {
			t.Fatalf("%s is not set: run this through packages/provider's vitest test (test/go-program.test.ts)", key)
		}
		return value
	}
	var orgID int
	if _, err := fmt.Sscan(get("GHES_TEST_ORG_ID"), &orgID); err != nil {
		t.Fatalf("GHES_TEST_ORG_ID: %v", err)
	}
	return world{
		apiURL:       get("GHES_TEST_API_URL"),
		adminURL:     get("GHES_TEST_ADMIN_URL"),
		clientID:     get("GHES_TEST_CLIENT_ID"),
		clientSecret: get("GHES_TEST_CLIENT_SECRET"),
		refreshToken: get("GHES_TEST_REFRESH_TOKEN"),
		orgID:        orgID,
	}
}

// admin calls the emulator's admin API (POST /_emulator/clock, GET /_emulator/tokens, ...).
func (w world) admin(t *testing.T, method, path string, body any, out any) {
	t.Helper()
	var payload bytes.Buffer
	if body != nil {
		if err := json.NewEncoder(&payload).Encode(body); err != nil {
			t.Fatal(err)
		}
	}
	req, err := http.NewRequest(method, w.adminURL+path, &payload)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	if res.StatusCode >= 300 {
		t.Fatalf("%s %s: HTTP %d", method, path, res.StatusCode)
	}
	if out != nil {
		if err := json.NewDecoder(res.Body).Decode(out); err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
	}
}

type liveToken struct {
	HashedToken    string `json:"hashed_token"`
	TokenLastEight string `json:"token_last_eight"`
	Scoped         bool   `json:"scoped"`
}

func (w world) liveTokens(t *testing.T) []liveToken {
	var tokens []liveToken
	w.admin(t, http.MethodGet, "/_emulator/tokens?client_id="+w.clientID, nil, &tokens)
	return tokens
}

func (w world) advanceClock(t *testing.T, seconds int) {
	w.admin(t, http.MethodPost, "/_emulator/clock", map[string]int{"advanceSeconds": seconds}, nil)
}
