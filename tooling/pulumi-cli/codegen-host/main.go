// Command codegen-host is a code-generation-only Pulumi language plugin: installed as
// pulumi-language-nodejs, pulumi-language-go or pulumi-language-python, it serves the GeneratePackage
// RPC that `pulumi package gen-sdk` calls, with the same pkg/v3/codegen generators (same version as the
// CLI) the real language hosts call. The real hosts cannot be built here (the Go module proxy refuses
// their modules); everything else they do (running programs) is left unimplemented.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	nodejsgen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	pythongen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	codegenrpc "github.com/pulumi/pulumi/sdk/v3/proto/go/codegen"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

type codegenHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	tool     string
	language string
}

func (h *codegenHost) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	loader, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, err
	}
	defer loader.Close()

	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.Schema), &spec); err != nil {
		return nil, err
	}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{AllowDanglingReferences: true})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return &pulumirpc.GeneratePackageResponse{Diagnostics: toRPC(diags)}, nil
	}

	var files map[string][]byte
	switch h.language {
	case "nodejs":
		files, err = nodejsgen.GeneratePackage(h.tool, pkg, req.ExtraFiles, req.LocalDependencies, req.Local, loader)
	case "go":
		files, err = gogen.GeneratePackage(h.tool, pkg, req.LocalDependencies)
	case "python":
		files, err = pythongen.GeneratePackage(h.tool, pkg, req.ExtraFiles, loader)
	default:
		err = fmt.Errorf("%s: no code generator for %q", h.tool, h.language)
	}
	if err != nil {
		return nil, err
	}
	for name, data := range files {
		path := filepath.Join(req.Directory, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.GeneratePackageResponse{Diagnostics: toRPC(diags)}, nil
}

// GetPluginInfo reports the CLI's version: the generators are the CLI's own.
func (h *codegenHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

func toRPC(diags hcl.Diagnostics) []*codegenrpc.Diagnostic {
	out := make([]*codegenrpc.Diagnostic, 0, len(diags))
	for _, d := range diags {
		severity := codegenrpc.DiagnosticSeverity_DIAG_WARNING
		if d.Severity == hcl.DiagError {
			severity = codegenrpc.DiagnosticSeverity_DIAG_ERROR
		}
		out = append(out, &codegenrpc.Diagnostic{Severity: severity, Summary: d.Summary, Detail: d.Detail})
	}
	return out
}

func main() {
	tool := filepath.Base(os.Args[0])
	language := strings.TrimPrefix(tool, "pulumi-language-")
	host := &codegenHost{tool: tool, language: language}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", tool, err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", tool, err)
		os.Exit(1)
	}
}
