module github.com/ghes-oauth/ghes-oauth/packages/provider/sdk/go/ghesoauth

go 1.22

require (
	github.com/blang/semver v3.5.1+incompatible
	github.com/pulumi/pulumi/sdk/v3 v3.259.0
)
