package dev.tracestack.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place names and labels are made. Kubernetes names are DNS labels (at most 63 characters);
 * selector labels are a stable subset of the labels and never carry a version, so an upgrade does not
 * orphan pods.
 */
public final class Names {

    public static final String PART_OF = "tracestack";
    /** The pod-template annotation carrying the config's {@link #hash8}, so a config change rolls the pods. */
    public static final String CONFIG_HASH_ANNOTATION = "tracestack.dev/config-hash";
    /** The pod-template annotation carrying the hash of a password (or Secret) the pods read only at start. */
    public static final String PASSWORD_HASH_ANNOTATION = "tracestack.dev/secret-hash";

    /** The ServiceAccount annotation GKE's Workload Identity reads to map it to a Google service account. */
    public static final String WORKLOAD_IDENTITY_ANNOTATION = "iam.gke.io/gcp-service-account";

    /** The label every object of the stack carries, also the one the namespace gets. */
    public static final String PART_OF_LABEL = "app.kubernetes.io/part-of";
    private static final int DNS_LABEL_MAX = 63;

    private Names() {
    }

    /** A DNS-1123 label: lower case, invalid characters replaced, cut to 63 characters. */
    public static String dnsLabel(String name) {
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String cut = cleaned.length() > DNS_LABEL_MAX ? cleaned.substring(0, DNS_LABEL_MAX) : cleaned;
        return cut.replaceAll("^-+|-+$", "");
    }

    /** The logical name of a component's child: {@code <component>-<role>}. */
    public static String child(String component, String role) {
        return component + "-" + role;
    }

    /** Labels for every object of a deployable part. */
    public static Map<String, String> labels(String name, String component, String environment, String version) {
        Map<String, String> labels = new LinkedHashMap<>(selector(name, component, environment));
        labels.put(PART_OF_LABEL, PART_OF);
        labels.put("app.kubernetes.io/managed-by", "pulumi");
        labels.put("app.kubernetes.io/version", version);
        return labels;
    }

    /** The selector subset of {@link #labels}: stable across upgrades. */
    public static Map<String, String> selector(String name, String component, String environment) {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put("app.kubernetes.io/name", name);
        selector.put("app.kubernetes.io/instance", name + "-" + environment);
        selector.put("app.kubernetes.io/component", component);
        return selector;
    }

    /** The in-cluster DNS name of a Service. */
    public static String serviceHost(String service, String namespace) {
        return service + "." + namespace + ".svc.cluster.local";
    }

    /** The Pub/Sub topic the collector publishes spans to, for the BigQuery subscription. */
    public static String tracesTopic(String environment) {
        return "otel-traces-" + environment;
    }

    /** A topic's full name, {@code projects/<p>/topics/<t>}, as the exporter and dead-letter policies take it. */
    public static String topicPath(String project, String topic) {
        return "projects/" + project + "/topics/" + topic;
    }

    /** The IAM member a binding names for a service account: {@code serviceAccount:<email>}. */
    public static String serviceAccountMember(String email) {
        return "serviceAccount:" + email;
    }

    /** The Workload Identity principal of a Kubernetes ServiceAccount in the project's GKE identity pool. */
    public static String workloadIdentityMember(String project, String namespace, String kubernetesServiceAccount) {
        return serviceAccountMember(project + ".svc.id.goog[" + namespace + "/" + kubernetesServiceAccount + "]");
    }

    /**
     * The hash of the files a pod mounts, in file-name order: put on its pod template as
     * {@link #CONFIG_HASH_ANNOTATION} and into the name of the object holding them.
     */
    public static String configHash(Map<String, String> filesByName) {
        return hash8(String.join("\n", new TreeMap<>(filesByName).values()));
    }

    /**
     * A name that carries the hash of what the object holds, {@code <base>-<hash8>}: a new content is a new
     * object, never an in-place edit, and what refers to it by name rolls over to it.
     */
    public static String hashed(String base, String hash) {
        return dnsLabel(base + "-" + hash);
    }

    /** The first 8 hex digits of the SHA-256 of a text: the content hash put on pod templates and names. */
    public static String hash8(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
