package dev.tracestack.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.render.Artifacts;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kubernetes objects of a plan as manifests, exactly as registered (the recorded inputs carry
 * {@code apiVersion}, {@code kind}, {@code metadata} and {@code spec}), by artifact path
 * {@code kubernetes/<kind>-<name>.yaml}. Components build typed args; this is the one place those
 * args become files a reviewer reads and tests validate against the Kubernetes API schema.
 */
public final class KubernetesManifests {

    private static final String PREFIX = "kubernetes:";
    private static final String PROVIDER = "pulumi:providers:";

    private KubernetesManifests() {
    }

    /** Manifest YAML by artifact path, sorted. */
    public static Map<String, String> of(Plan plan) {
        Map<String, String> files = new TreeMap<>();
        plan.resources().stream()
                .filter(r -> r.type().startsWith(PREFIX) && !r.type().startsWith(PROVIDER))
                .forEach(r -> files.put(path(r), Artifacts.yaml(r.inputs())));
        return files;
    }

    static String path(PlannedResource resource) {
        JsonNode inputs = resource.inputs();
        String kind = inputs.path("kind").asText(resource.type().substring(resource.type().lastIndexOf(':') + 1));
        String name = inputs.path("metadata").path("name").asText(resource.name());
        return "kubernetes/" + kind.toLowerCase(Locale.ROOT) + "-" + name + ".yaml";
    }
}
