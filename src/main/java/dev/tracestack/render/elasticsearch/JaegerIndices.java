package dev.tracestack.render.elasticsearch;

import dev.tracestack.config.StackConfig;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How Jaeger and Elasticsearch meet: the cluster URL, where the credentials are mounted, the index prefix,
 * the ILM policy name ({@code jaeger-es-rollover init} then names its aliases
 * {@code <prefix>-jaeger-span-write} and so on). Both the Jaeger config and the init Job are rendered
 * from here so they cannot disagree.
 */
public final class JaegerIndices {

    /** The policy name {@code jaeger-es-rollover init} looks for when ILM is on. */
    public static final String ILM_POLICY_NAME = "jaeger-ilm-policy";
    public static final String SLM_POLICY_NAME = "jaeger-nightly-snapshots";
    public static final String SNAPSHOT_REPOSITORY_NAME = "jaeger-gcs";
    /** ECK publishes the HTTP layer's CA in {@code <cluster>-es-http-certs-public}, key {@code ca.crt}. */
    public static final String ES_CA_SECRET = WellKnownNames.ELASTICSEARCH_CLUSTER + "-es-http-certs-public";
    public static final String ES_CA_KEY = "ca.crt";
    /** Where pods mount their own user's password ({@link ElasticsearchUsers}) and the CA. */
    public static final String ES_PASSWORD_FILE = "/etc/elasticsearch/auth/" + ElasticsearchUsers.PASSWORD_KEY;
    public static final String ES_CA_FILE = "/etc/elasticsearch/ca/" + ES_CA_KEY;

    private JaegerIndices() {
    }

    /** ECK's HTTP Service, TLS on; the name is in the certificate ECK issues. */
    public static String url(String namespace) {
        return "https://" + WellKnownNames.ELASTICSEARCH_CLUSTER + "-es-http." + namespace + ".svc:"
                + Ports.ELASTICSEARCH_HTTP;
    }

    /** One prefix per environment, so a restored snapshot of one environment never collides with another. */
    public static String indexPrefix(StackConfig config) {
        return config.environment().id();
    }

    /**
     * The indices and aliases of one kind ({@code span}, {@code service}, {@code dependencies}) under a prefix,
     * e.g. {@code prod-jaeger-span-*}; kind {@code *} covers every Jaeger index of the prefix.
     */
    public static String indexPattern(String prefix, String kind) {
        return prefix + "-jaeger-" + (kind.equals("*") ? "*" : kind + "-*");
    }

    /**
     * {@code jaeger-es-rollover}'s settings as environment variables, credentials aside: the indices and
     * aliases the Jaeger config reads, attached to the ILM policy. The cluster's init Job and the local
     * stack's init container both run with these.
     */
    public static Map<String, String> rolloverSettings(StackConfig config) {
        // The tool reads each flag from the environment as well, upper-cased with '.' and '-' as '_'
        // (es.use-ilm, es.ilm-policy-name, index-prefix, shards, replicas); it appends the '-' to the prefix.
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ES_USE_ILM", "true");
        settings.put("ES_ILM_POLICY_NAME", ILM_POLICY_NAME);
        settings.put("INDEX_PREFIX", indexPrefix(config));
        settings.put("SHARDS", String.valueOf(config.elasticsearch().nodes()));
        settings.put("REPLICAS", String.valueOf(replicas(config)));
        return settings;
    }

    /** Replica shards: none on a single node (they could never be allocated), one otherwise. */
    public static int replicas(StackConfig config) {
        return config.elasticsearch().nodes() > 1 ? 1 : 0;
    }
}
