// Command standin is a stand-in for the Pulumi provider plugins that cannot be had here (gcp 7.0.0 and
// random 4.21.4): it speaks the provider protocol so the real engine can run `pulumi preview` and
// `pulumi up` of a stack, but creates nothing anywhere. Installed under each plugin's name and version, it
// answers as that provider would for the types tracestack registers: the inputs echoed as state, the
// properties such a provider computes (service-account e-mails, resource names, the project number) with
// made-up values, and for random a password generated once and kept, secret, in the stack's state. It
// validates nothing and never asks for a replacement: every outcome it decides is the stand-in's, not
// Google's. It says so on every line it prints.
package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/diag"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// versions are the plugin versions the stacks' SDKs ask for.
var versions = map[string]string{"gcp": "7.0.0", "random": "4.21.4"}

func main() {
	name := strings.TrimPrefix(filepath.Base(os.Args[0]), "pulumi-resource-")
	version, known := versions[name]
	if !known {
		fmt.Fprintf(os.Stderr, "stand-in provider: installed as %q; it stands in only for %v\n", os.Args[0], keys(versions))
		os.Exit(1)
	}
	err := provider.Main(name, func(host *provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return &standIn{name: name, version: version, host: host}, nil
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "stand-in provider %s: %v\n", name, err)
		os.Exit(1)
	}
}

type standIn struct {
	pulumirpc.UnimplementedResourceProviderServer
	name, version string
	host          *provider.HostClient
	project       string
}

var marshal = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true, KeepOutputValues: false}

func (p *standIn) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: p.version}, nil
}

func (p *standIn) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	return &pulumirpc.GetSchemaResponse{Schema: fmt.Sprintf(`{"name":%q,"version":%q}`, p.name, p.version)}, nil
}

func (p *standIn) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (p *standIn) DiffConfig(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return diff(req.GetOldInputs(), req.GetNews())
}

func (p *standIn) Configure(ctx context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	if args := req.GetArgs(); args != nil {
		p.project = args.GetFields()["project"].GetStringValue()
	}
	if p.project == "" {
		p.project = req.GetVariables()[p.name+":config:project"]
	}
	if p.host != nil {
		_ = p.host.Log(ctx, diag.Warning, "", fmt.Sprintf(
			"stand-in provider for %s %s: its resources are created nowhere; their ids and computed values are made up",
			p.name, p.version))
	}
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, AcceptResources: true, SupportsPreview: true}, nil
}

func (p *standIn) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	news := req.GetNews()
	if p.name == "gcp" && p.project != "" && news.GetFields()["project"] == nil {
		// The Google provider fills a resource's project from its own configuration.
		news = clone(news)
		news.Fields["project"] = structpb.NewStringValue(p.project)
	}
	return &pulumirpc.CheckResponse{Inputs: news}, nil
}

func (p *standIn) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	olds := req.GetOldInputs()
	if olds == nil {
		olds = req.GetOlds()
	}
	return diff(olds, req.GetNews())
}

func (p *standIn) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	inputs, err := plugin.UnmarshalProperties(req.GetProperties(), marshal)
	if err != nil {
		return nil, err
	}
	urn := resource.URN(req.GetUrn())
	state := p.computed(urn.Type().String(), inputs, req.GetPreview(), nil)
	props, err := plugin.MarshalProperties(state, marshal)
	if err != nil {
		return nil, err
	}
	id := ""
	if !req.GetPreview() {
		id = "standin-" + urn.Name() + "-" + randomHex(4)
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: props}, nil
}

func (p *standIn) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	olds, err := plugin.UnmarshalProperties(req.GetOlds(), marshal)
	if err != nil {
		return nil, err
	}
	news, err := plugin.UnmarshalProperties(req.GetNews(), marshal)
	if err != nil {
		return nil, err
	}
	state := p.computed(resource.URN(req.GetUrn()).Type().String(), news, req.GetPreview(), olds)
	props, err := plugin.MarshalProperties(state, marshal)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: props}, nil
}

func (p *standIn) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
}

func (p *standIn) Delete(context.Context, *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (p *standIn) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	if req.GetTok() != "gcp:organizations/getProject:getProject" {
		return &pulumirpc.InvokeResponse{Failures: []*pulumirpc.CheckFailure{{
			Reason: "the stand-in provider for " + p.name + " does not answer " + req.GetTok()}}}, nil
	}
	project := req.GetArgs().GetFields()["projectId"].GetStringValue()
	if project == "" {
		project = p.project
	}
	return &pulumirpc.InvokeResponse{Return: &structpb.Struct{Fields: map[string]*structpb.Value{
		"projectId": structpb.NewStringValue(project),
		"name":      structpb.NewStringValue(project),
		"number":    structpb.NewStringValue(projectNumber(project)),
	}}}, nil
}

// computed is a resource's state: its inputs and what the real provider would compute, kept from olds
// when the resource already has them, unknown during a preview of a create.
func (p *standIn) computed(typ string, inputs resource.PropertyMap, preview bool, olds resource.PropertyMap) resource.PropertyMap {
	state := inputs.Copy()
	text := func(key string) string {
		if v, ok := inputs[resource.PropertyKey(key)]; ok && v.IsString() {
			return v.StringValue()
		}
		return ""
	}
	values := map[string]func() resource.PropertyValue{}
	switch typ {
	case "gcp:serviceaccount/account:Account":
		email := text("accountId") + "@" + text("project") + ".iam.gserviceaccount.com"
		values["email"] = func() resource.PropertyValue { return resource.NewStringProperty(email) }
		values["name"] = func() resource.PropertyValue {
			return resource.NewStringProperty("projects/" + text("project") + "/serviceAccounts/" + email)
		}
	case "gcp:monitoring/notificationChannel:NotificationChannel":
		values["name"] = func() resource.PropertyValue {
			return resource.NewStringProperty("projects/" + text("project") + "/notificationChannels/" + randomDigits(19))
		}
	case "gcp:monitoring/alertPolicy:AlertPolicy":
		values["name"] = func() resource.PropertyValue {
			return resource.NewStringProperty("projects/" + text("project") + "/alertPolicies/" + randomDigits(19))
		}
	case "random:index/randomPassword:RandomPassword":
		values["result"] = func() resource.PropertyValue {
			length := 32
			if v, ok := inputs["length"]; ok && v.IsNumber() {
				length = int(v.NumberValue())
			}
			return resource.MakeSecret(resource.NewStringProperty(randomAlphanumeric(length)))
		}
	}
	for key, value := range values {
		k := resource.PropertyKey(key)
		switch {
		case olds != nil && olds.HasValue(k):
			state[k] = olds[k]
		case preview:
			state[k] = resource.MakeComputed(resource.NewStringProperty(""))
		default:
			state[k] = value()
		}
	}
	return state
}

func diff(olds, news *structpb.Struct) (*pulumirpc.DiffResponse, error) {
	o, err := plugin.UnmarshalProperties(olds, marshal)
	if err != nil {
		return nil, err
	}
	n, err := plugin.UnmarshalProperties(news, marshal)
	if err != nil {
		return nil, err
	}
	d := o.Diff(n)
	if d == nil || !d.AnyChanges() {
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
	}
	var changed []string
	for _, k := range d.ChangedKeys() {
		changed = append(changed, string(k))
	}
	sort.Strings(changed)
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_SOME, Diffs: changed}, nil
}

func clone(s *structpb.Struct) *structpb.Struct {
	c := &structpb.Struct{Fields: map[string]*structpb.Value{}}
	for k, v := range s.GetFields() {
		c.Fields[k] = v
	}
	return c
}

// projectNumber is a stable twelve-digit number per project id, as the real lookup returns one.
func projectNumber(project string) string {
	sum := sha256.Sum256([]byte(project))
	n := new(big.Int).SetBytes(sum[:8])
	return fmt.Sprintf("%012d", new(big.Int).Mod(n, big.NewInt(1_000_000_000_000)))
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func randomDigits(n int) string {
	return randomFrom("0123456789", n)
}

func randomAlphanumeric(n int) string {
	return randomFrom("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", n)
}

func randomFrom(alphabet string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		k, _ := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		b.WriteByte(alphabet[k.Int64()])
	}
	return b.String()
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
