package dev.tracestack.component.elasticsearch;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * An instance of a Kubernetes custom resource such as ECK's {@code Elasticsearch}. The Kubernetes
 * provider takes any kind under the type token {@code kubernetes:<apiVersion>:<kind>}; the Java SDK 4.0.0
 * has no generic class for it (the other languages' {@code apiextensions.CustomResource}), so this is it.
 */
public final class KubernetesCustomResource extends CustomResource {

    public KubernetesCustomResource(String name, Args args, CustomResourceOptions options) {
        super("kubernetes:" + args.apiVersionValue + ":" + args.kindValue, name, args, options);
    }

    /** The object: apiVersion, kind, metadata and an untyped spec. */
    public static final class Args extends ResourceArgs {
        @Import(name = "apiVersion", required = true)
        private final Output<String> apiVersion;
        @Import(name = "kind", required = true)
        private final Output<String> kind;
        @Import(name = "metadata")
        private final Output<ObjectMetaArgs> metadata;
        @Import(name = "spec")
        private final Output<Map<String, Object>> spec;
        private final transient String apiVersionValue;
        private final transient String kindValue;

        public Args(String apiVersion, String kind, ObjectMetaArgs metadata, Map<String, Object> spec) {
            this.apiVersionValue = apiVersion;
            this.kindValue = kind;
            this.apiVersion = Output.of(apiVersion);
            this.kind = Output.of(kind);
            this.metadata = Output.of(metadata);
            this.spec = Output.of(spec);
        }
    }
}
