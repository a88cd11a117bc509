// Command oracle decodes manifest files as kubectl and the API server do and
// evaluates their pod specs with the upstream Pod Security Admission library:
// the reference that test/integration/oracle.test.ts holds the TypeScript
// engine to. Test-only: the product never runs Go.
//
//	oracle LEVEL:VERSION FILE...
//
// prints one JSON line per object: its file, document, path in the document,
// kind and name, and either the decoding error or the verdict with upstream's
// forbidden reasons. The stream is cut and converted as kubectl does
// (k8s.io/apimachinery's YAMLOrJSONDecoder over sigs.k8s.io/yaml); each object
// is decoded into its Go type as the API server decodes a request
// (sigs.k8s.io/json, case-sensitive, unknown fields dropped) and defaulted as
// the API server defaults it (k8s.io/kubernetes SetObjectDefaults_*).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
	kjson "sigs.k8s.io/json"

	appsdefaults "k8s.io/kubernetes/pkg/apis/apps/v1"
	batchdefaults "k8s.io/kubernetes/pkg/apis/batch/v1"
	coredefaults "k8s.io/kubernetes/pkg/apis/core/v1"
)

type result struct {
	File      string   `json:"file"`
	Document  int      `json:"document"`
	Path      string   `json:"path"`
	Kind      string   `json:"kind"`
	Name      string   `json:"name"`
	Error     string   `json:"error,omitempty"`
	Allowed   *bool    `json:"allowed,omitempty"`
	Forbidden []string `json:"forbidden,omitempty"`
}

// The pod template of each kind, after decoding into its Go type.
func podOf(kind string, data []byte) (*metav1.ObjectMeta, *metav1.ObjectMeta, *corev1.PodSpec, error) {
	decode := func(into any) error { return kjson.UnmarshalCaseSensitivePreserveInts(data, into) }
	switch kind {
	case "Pod":
		var o corev1.Pod
		err := decode(&o)
		coredefaults.SetObjectDefaults_Pod(&o)
		return &o.ObjectMeta, &o.ObjectMeta, &o.Spec, err
	case "PodTemplate":
		var o corev1.PodTemplate
		err := decode(&o)
		coredefaults.SetObjectDefaults_PodTemplate(&o)
		return &o.ObjectMeta, &o.Template.ObjectMeta, &o.Template.Spec, err
	case "ReplicationController":
		var o corev1.ReplicationController
		err := decode(&o)
		coredefaults.SetObjectDefaults_ReplicationController(&o)
		if err == nil && o.Spec.Template == nil {
			return &o.ObjectMeta, nil, nil, nil
		}
		if err != nil {
			return nil, nil, nil, err
		}
		return &o.ObjectMeta, &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec, nil
	case "ReplicaSet":
		var o appsv1.ReplicaSet
		err := decode(&o)
		appsdefaults.SetObjectDefaults_ReplicaSet(&o)
		return &o.ObjectMeta, &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec, err
	case "Deployment":
		var o appsv1.Deployment
		err := decode(&o)
		appsdefaults.SetObjectDefaults_Deployment(&o)
		return &o.ObjectMeta, &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec, err
	case "StatefulSet":
		var o appsv1.StatefulSet
		err := decode(&o)
		appsdefaults.SetObjectDefaults_StatefulSet(&o)
		return &o.ObjectMeta, &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec, err
	case "DaemonSet":
		var o appsv1.DaemonSet
		err := decode(&o)
		appsdefaults.SetObjectDefaults_DaemonSet(&o)
		return &o.ObjectMeta, &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec, err
	case "Job":
		var o batchv1.Job
		err := decode(&o)
		batchdefaults.SetObjectDefaults_Job(&o)
		return &o.ObjectMeta, &o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec, err
	case "CronJob":
		var o batchv1.CronJob
		err := decode(&o)
		batchdefaults.SetObjectDefaults_CronJob(&o)
		return &o.ObjectMeta, &o.Spec.JobTemplate.Spec.Template.ObjectMeta, &o.Spec.JobTemplate.Spec.Template.Spec, err
	}
	return nil, nil, nil, nil
}

var groups = map[string][]string{
	"Pod": {""}, "PodTemplate": {""}, "ReplicationController": {""},
	"ReplicaSet": {"apps", "extensions"}, "Deployment": {"apps", "extensions"}, "StatefulSet": {"apps"},
	"DaemonSet": {"apps", "extensions"}, "Job": {"batch"}, "CronJob": {"batch"},
}

func isPodKind(apiVersion, kind string) bool {
	group := ""
	if i := strings.Index(apiVersion, "/"); i >= 0 {
		group = apiVersion[:i]
	}
	for _, g := range groups[kind] {
		if g == group {
			return true
		}
	}
	return false
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: oracle LEVEL:VERSION FILE...")
		os.Exit(2)
	}
	level, version, _ := strings.Cut(os.Args[1], ":")
	lv := api.LevelVersion{Level: api.Level(level), Version: api.LatestVersion()}
	if version != "latest" {
		v, err := api.ParseVersion(version)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		lv.Version = v
	}
	evaluator, err := policy.NewEvaluator(policy.DefaultChecks(), nil)
	if err != nil {
		panic(err)
	}
	out := json.NewEncoder(os.Stdout)
	for _, file := range os.Args[2:] {
		content, err := os.ReadFile(file)
		if err != nil {
			panic(err)
		}
		decoder := yaml.NewYAMLOrJSONDecoder(bytes.NewReader(content), 4096)
		for document := 0; ; document++ {
			var raw runtime.RawExtension
			if err := decoder.Decode(&raw); err != nil {
				if err != io.EOF {
					_ = out.Encode(result{File: file, Document: document, Error: err.Error()})
				}
				break
			}
			if len(raw.Raw) == 0 || string(raw.Raw) == "null" {
				continue
			}
			visit(out, evaluator, lv, file, document, "", raw.Raw, "", "")
		}
	}
}

func visit(out *json.Encoder, evaluator policy.Evaluator, lv api.LevelVersion, file string, document int, path string, data []byte, itemKind, itemAPIVersion string) {
	var meta struct {
		metav1.TypeMeta `json:",inline"`
		Items           []json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		return // not an object: none of our business
	}
	kind, apiVersion := meta.Kind, meta.APIVersion
	if kind == "" {
		kind = itemKind
	}
	if apiVersion == "" {
		apiVersion = itemAPIVersion
	}
	if strings.HasSuffix(kind, "List") && meta.Items != nil {
		inner, innerVersion := "", ""
		if kind != "List" {
			inner, innerVersion = strings.TrimSuffix(kind, "List"), apiVersion
		}
		for i, item := range meta.Items {
			visit(out, evaluator, lv, file, document, fmt.Sprintf("%sitems[%d].", path, i), item, inner, innerVersion)
		}
		return
	}
	if !isPodKind(apiVersion, kind) {
		return
	}
	object, template, spec, err := podOf(kind, data)
	r := result{File: file, Document: document, Path: strings.TrimSuffix(path, "."), Kind: kind}
	if err != nil {
		r.Error = err.Error()
		_ = out.Encode(r)
		return
	}
	if spec == nil {
		return // a ReplicationController without a template
	}
	r.Name = object.Name
	results := evaluator.EvaluatePod(lv, template, spec)
	aggregate := policy.AggregateCheckResults(results)
	allowed := aggregate.Allowed
	r.Allowed = &allowed
	for _, check := range results {
		if !check.Allowed {
			r.Forbidden = append(r.Forbidden, check.ForbiddenReason)
		}
	}
	_ = out.Encode(r)
}
