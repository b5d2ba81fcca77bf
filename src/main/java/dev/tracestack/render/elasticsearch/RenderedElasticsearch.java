package dev.tracestack.render.elasticsearch;

import dev.tracestack.config.ElasticsearchSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import dev.tracestack.render.RenderedPart;
import dev.tracestack.render.Artifacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Jaeger's Elasticsearch on the cluster, rendered: the ECK resource's spec, the Job that readies the indices,
 * and in prod the snapshot bucket.
 *
 * @param namespace       the namespace the cluster runs in
 * @param environment     the environment, in labels
 * @param version         the Elasticsearch version, in labels
 * @param stateful        whether the cluster and the bucket are protected and kept on delete (stage and prod)
 * @param operatorVersion the eck-operator chart to install; empty where the cluster already runs one
 * @param zoneAwareness   whether nodes spread over zones (ECK then copies the zone label onto the pods)
 * @param clusterSpec     the {@code spec} of the ECK {@code Elasticsearch} resource
 * @param volumes         the node set's data volumes and, in stage and prod, the Retain class they need
 * @param rolesYaml       the clients' roles ({@link ElasticsearchUsers}) as ECK's roles Secret holds them
 * @param users           the environment's client users
 * @param googleApisCidrs where the nodes reach Cloud Storage for snapshots; empty: outside the private ranges
 * @param ilmInit         the one-shot Job that installs the ILM policy and creates the indices
 * @param snapshots       the snapshot bucket, where snapshots are on
 * @param files           the artifacts under {@code elasticsearch/}
 */
public record RenderedElasticsearch(String namespace, String environment, String version, boolean stateful,
                                    Optional<String> operatorVersion, boolean zoneAwareness,
                                    Map<String, Object> clusterSpec, DataVolumes volumes, String rolesYaml,
                                    ElasticsearchUsers.Users users, List<String> googleApisCidrs,
                                    IlmInit ilmInit,
                                    Optional<SnapshotBucket> snapshots, Map<String, String> files)
        implements RenderedPart {

    /** The {@code app.kubernetes.io/name} of the storage's objects. */
    public static final String APP = "elasticsearch";
    /** The operator's Helm release. */
    public static final String ECK_OPERATOR = "eck-operator";
    /** The roles file, as written to the plan and held in the roles Secret. */
    public static final String ROLES_FILE = "elasticsearch/" + ElasticsearchUsers.ROLES_KEY;

    /**
     * The init Job: what it applies, and the {@code jaeger-es-rollover init} it runs after.
     *
     * @param files            the files its init container applies, by file name
     * @param rolloverImage    the ILM-aware index initialiser's image
     * @param rolloverSettings {@code jaeger-es-rollover}'s flags as environment variables, credentials aside
     * @param url              the cluster's HTTPS URL
     */
    public record IlmInit(Map<String, String> files, String rolloverImage, Map<String, String> rolloverSettings,
                          String url) {

        /** The Job's and its ConfigMap's name before the hash. */
        public static final String NAME = "jaeger-es-ilm-init";

        /** A changed policy is a new Job (named with this hash), so it runs again. */
        public String hash() {
            return Names.configHash(files);
        }

        public String name() {
            return Names.hashed(NAME, hash());
        }
    }

    /**
     * Where prod's snapshots go, written by a Google service account the nodes act as.
     *
     * @param name        the bucket's (global) name
     * @param location    a multi- or dual-region location
     * @param project     the project of the bucket and the account
     * @param nodesMember the Workload Identity principal of the nodes' Kubernetes ServiceAccount
     */
    public record SnapshotBucket(String name, String location, String project, String nodesMember) {
    }

    public static RenderedElasticsearch of(StackConfig config) {
        ElasticsearchSettings es = config.elasticsearch();
        String namespace = config.kubernetes().namespace();
        String environment = config.environment().id();
        Map<String, String> files = new LinkedHashMap<>(ElasticsearchArtifacts.cluster(config));
        String rolesYaml = Artifacts.yaml(ElasticsearchUsers.roles(JaegerIndices.indexPrefix(config),
                es.snapshots().enabled()));
        DataVolumes volumes = DataVolumes.of(config);
        Map<String, String> applied = new TreeMap<>();
        files.forEach((path, text) -> {
            if (!path.equals(ElasticsearchArtifacts.NODE_CONFIG_FILE)) {
                applied.put(path.substring(path.lastIndexOf('/') + 1), text);
            }
        });
        Optional<SnapshotBucket> snapshots = es.snapshots().enabled()
                ? Optional.of(new SnapshotBucket(SlmPolicyRenderer.bucketName(config), es.snapshots().bucketLocation(),
                        config.gcp().project(), Names.workloadIdentityMember(config.gcp().project(), namespace,
                                ClusterSpecRenderer.SERVICE_ACCOUNT)))
                : Optional.empty();
        return new RenderedElasticsearch(namespace, environment, es.version(), config.environment().keepsState(),
                es.installOperator() ? Optional.of(es.operatorVersion()) : Optional.empty(), es.zoneAwareness(),
                ClusterSpecRenderer.spec(config, Names.labels(APP, "storage", environment, es.version()), volumes),
                volumes, rolesYaml, ElasticsearchUsers.of(JaegerIndices.indexPrefix(config)),
                config.kubernetes().googleApisCidrs(), new IlmInit(applied, config.jaeger().rolloverImage(), JaegerIndices.rolloverSettings(config),
                        JaegerIndices.url(namespace)),
                snapshots, withRoles(files, rolesYaml));
    }

    private static Map<String, String> withRoles(Map<String, String> files, String rolesYaml) {
        files.put(ROLES_FILE, rolesYaml);
        return files;
    }

    /** The labels of one of the storage's components. */
    public Map<String, String> labels(String component) {
        return Names.labels(APP, component, environment, version);
    }

    /** The stable selector of one of the storage's components. */
    public Map<String, String> selector(String component) {
        return Names.selector(APP, component, environment);
    }

    /** Where zones matter, ECK copies the nodes' zone label onto the pods for the downward API. */
    public Map<String, String> clusterAnnotations() {
        return zoneAwareness ? Map.of(ClusterSpecRenderer.DOWNWARD_NODE_LABELS, ClusterSpecRenderer.ZONE_LABEL)
                : Map.of();
    }
}
