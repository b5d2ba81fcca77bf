package dev.tracestack.render.jaeger;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.PlatformEndpoints;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.wire.Ports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jaeger v2 configurations (OpenTelemetry Collector format) of the two roles. The collector role
 * receives OTLP and writes through {@code jaeger_storage_exporter}, and serves sampling
 * strategies; the query role serves the UI and the query API. Both read Elasticsearch through aliases
 * managed by ILM.
 */
public final class JaegerConfigRenderer {

    public static final String STORAGE = "es_main";
    /** Where the role's ConfigMap is mounted. */
    public static final String CONFIG_DIR = "/etc/jaeger";
    public static final String CONFIG_FILE = "config.yaml";
    public static final String STRATEGIES_FILE = "sampling-strategies.json";
    public static final String UI_CONFIG_FILE = "ui-config.json";
    private static final String ANY = "0.0.0.0:";
    /** The OpenTelemetry chart's memory_limiter defaults, as the stack's collector uses them. */
    static final int MEMORY_LIMIT_PERCENT = 80;
    static final int SPIKE_LIMIT_PERCENT = 25;
    /** GOMEMLIMIT as a share of the container's memory limit. */
    public static final int GOMEMLIMIT_PERCENT = 80;

    private JaegerConfigRenderer() {
    }

    public static Map<String, Object> collector(StackConfig config) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("healthcheckv2", healthCheck());
        extensions.put("jaeger_storage", storage(config, users(config).writer()));
        // Only the listed servers start: the extension's grpc server (5779) stays off unless configured.
        // default_sampling_probability is what Jaeger serves where the strategies file says nothing: before the
        // file is read, for a strategy it cannot parse, and for the operations a rate-limited service does not list
        // (jaeger v1.76.0 internal/sampling/samplingstrategy/file/provider.go). SDKs start every trace there too;
        // the stack's rate is the sampler tier's.
        extensions.put("remote_sampling", map(
                "file", map("path", CONFIG_DIR + "/" + STRATEGIES_FILE, "reload_interval", "60s",
                        "default_sampling_probability", SamplingStrategiesRenderer.START_EVERY_TRACE),
                "http", map("endpoint", ANY + Ports.JAEGER_REMOTE_SAMPLING)));

        Map<String, Object> protocols = new LinkedHashMap<>();
        protocols.put("grpc", map("endpoint", ANY + Ports.OTLP_GRPC));
        protocols.put("http", map("endpoint", ANY + Ports.OTLP_HTTP));

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("service", service("jaeger-collector", List.of("jaeger_storage", "remote_sampling", "healthcheckv2"),
                map("receivers", List.of("otlp"), "processors", List.of("memory_limiter"),
                        "exporters", List.of("jaeger_storage_exporter"))));
        root.put("extensions", extensions);
        root.put("receivers", map("otlp", map("protocols", protocols)));
        // memory_limiter first, as in the OpenTelemetry collector: refuse spans (the sender retries) before the
        // pod is killed for its memory; GOMEMLIMIT (80 % of the limit) on the pod makes Go collect before that.
        // No batch processor: it answers the sender as soon as it holds the spans, so a Jaeger pod killed with a
        // batch in hand lost spans its senders had been told were delivered (measured: 677 of 2,557 traces in
        // prod's gateway-crash rehearsal). Without it the answer waits for the storage exporter (its queue is
        // off by default), and the senders' exporters already send batches of up to 4,096 spans.
        root.put("processors", map(
                "memory_limiter", map("check_interval", "1s", "limit_percentage", MEMORY_LIMIT_PERCENT,
                        "spike_limit_percentage", SPIKE_LIMIT_PERCENT)));
        root.put("exporters", map("jaeger_storage_exporter", map("trace_storage", STORAGE)));
        return root;
    }

    public static Map<String, Object> query(StackConfig config) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("healthcheckv2", healthCheck());
        extensions.put("jaeger_storage", storage(config, users(config).reader()));
        extensions.put("jaeger_query", jaegerQuery(config));

        Map<String, Object> root = new LinkedHashMap<>();
        // The collector framework needs a pipeline; the query role's receives and exports nothing.
        root.put("service", service("jaeger-query", List.of("jaeger_storage", "jaeger_query", "healthcheckv2"),
                map("receivers", List.of("nop"), "exporters", List.of("nop"))));
        root.put("extensions", extensions);
        root.put("receivers", map("nop", map()));
        root.put("exporters", map("nop", map()));
        return root;
    }

    /**
     * Both roles in one process, for the local stack's single Jaeger container: the collector role's
     * config plus the query role's extension.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> allInOne(StackConfig config) {
        Map<String, Object> root = collector(config);
        ((Map<String, Object>) root.get("extensions")).put("jaeger_query", jaegerQuery(config));
        Map<String, Object> service = (Map<String, Object>) root.get("service");
        List<String> extensions = new ArrayList<>((List<String>) service.get("extensions"));
        extensions.add("jaeger_query");
        service.put("extensions", extensions);
        ((Map<String, Object>) ((Map<String, Object>) service.get("telemetry")).get("resource"))
                .put("service.name", "jaeger");
        return root;
    }

    static Map<String, Object> jaegerQuery(StackConfig config) {
        Map<String, Object> jaegerQuery = new LinkedHashMap<>();
        jaegerQuery.put("base_path", config.jaeger().uiBasePath());
        jaegerQuery.put("storage", map("traces", STORAGE));
        jaegerQuery.put("ui", map("config_file", CONFIG_DIR + "/" + UI_CONFIG_FILE));
        jaegerQuery.put("http", map("endpoint", ANY + Ports.JAEGER_UI));
        jaegerQuery.put("grpc", map("endpoint", ANY + Ports.JAEGER_QUERY_GRPC));
        return jaegerQuery;
    }

    /**
     * The Elasticsearch backend, aliases that ILM rolls over: on the cluster ECK's Service over TLS as the
     * role's own user (the collector role writes, the query role reads); on the local stack the single
     * node's plain HTTP.
     */
    static Map<String, Object> storage(StackConfig config, ElasticsearchUsers.User user) {
        PlatformEndpoints endpoints = PlatformEndpoints.of(config);
        Map<String, Object> es = new LinkedHashMap<>();
        es.put("server_urls", List.of(endpoints.elasticsearchUrl()));
        if (endpoints.elasticsearchSecured()) {
            // password_file keeps the password out of the ConfigMap. Jaeger reads it once at start (no
            // reload_interval), so the pods carry the password's hash and roll when it changes.
            // TLS is on unless tls.insecure is set; ca_file alone verifies ECK's self-signed chain.
            es.put("auth", map("basic", map("username", user.name(),
                    "password_file", JaegerIndices.ES_PASSWORD_FILE)));
            es.put("tls", map("ca_file", JaegerIndices.ES_CA_FILE));
        }
        es.put("indices", map("index_prefix", JaegerIndices.indexPrefix(config)));
        // Jaeger refuses use_ilm without use_aliases: ILM rolls over the index behind the -write alias.
        es.put("use_aliases", true);
        es.put("use_ilm", true);
        // The ILM init Job's `jaeger-es-rollover init` installs the templates with the policy attached.
        es.put("create_mappings", false);
        return map("backends", map(STORAGE, map("elasticsearch", es)));
    }

    private static ElasticsearchUsers.Users users(StackConfig config) {
        return ElasticsearchUsers.of(JaegerIndices.indexPrefix(config));
    }

    /** An insertion-ordered map from key-value pairs: YAML output must not depend on hash order. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** The v2 health check; the probes GET {@code /status} on it, as the Jaeger Helm chart's do. */
    private static Map<String, Object> healthCheck() {
        return map("use_v2", true, "http", map("endpoint", ANY + Ports.HEALTH_CHECK));
    }

    private static Map<String, Object> service(String name, List<String> extensions, Map<String, Object> traces) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("level", "detailed");
        metrics.put("readers", List.of(map("pull", map("exporter", map("prometheus",
                map("host", "0.0.0.0", "port", Ports.COLLECTOR_METRICS))))));
        Map<String, Object> telemetry = new LinkedHashMap<>();
        telemetry.put("resource", map("service.name", name));
        telemetry.put("metrics", metrics);
        telemetry.put("logs", map("level", "info"));
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("extensions", extensions);
        service.put("pipelines", map("traces", traces));
        service.put("telemetry", telemetry);
        return service;
    }
}
