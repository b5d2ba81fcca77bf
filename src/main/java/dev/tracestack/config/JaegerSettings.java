package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.JAEGER;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Jaeger backend and its UI.
 *
 * @param enabled            whether Jaeger (collector and query roles) and its Elasticsearch storage are deployed
 * @param version            the pinned {@code jaegertracing/jaeger} (v2) image tag
 * @param collector          the collector role (receives OTLP, writes to Elasticsearch); scaled by an HPA
 * @param query              the query role (UI and query API)
 * @param uiBasePath         the path the UI is served under, e.g. {@code /jaeger}
 * @param oauthProxy         the authenticating proxy in front of the UI
 * @param ingressHost        the public host of the UI; empty means no Ingress
 * @param tlsSecret          a certificate Secret the Ingress serves instead of the GKE-managed certificate the
 *                           stack otherwise creates for the host
 * @param dependencies       the daily service-dependency job
 */
public record JaegerSettings(boolean enabled, String version, Role collector, Role query, String uiBasePath,
                             OAuthProxySettings oauthProxy, Optional<String> ingressHost, Optional<String> tlsSecret,
                             Dependencies dependencies) {

    /** A DNS name of at least two labels, as an Ingress host must be; the last label starts with a letter. */
    private static final Pattern HOST = Pattern.compile(
            "(" + KubernetesSettings.DNS_LABEL.pattern() + "\\.)+[a-z][-a-z0-9]{0,61}[a-z0-9]");
    /** Five cron fields as Kubernetes CronJobs take them. */
    private static final Pattern CRON = Pattern.compile("\\S+( \\S+){4}");
    private static final Pattern BASE_PATH = Pattern.compile("/([A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*)?");
    /** A spark-dependencies release tag; the image variant suffix is the stack's to add, not the user's. */
    private static final Pattern SPARK_RELEASE = Pattern.compile("v\\d+\\.\\d+\\.\\d+");

    /** v2 releases whose tools images carry the paired v1 tag (the two tags name one commit). */
    private static final Map<String, String> V1_TOOLS_TAGS = Map.of("2.11.0", "1.74.0", "2.12.0", "1.75.0", "2.13.0", "1.76.0");

    /**
     * One Jaeger role's Deployment.
     *
     * @param replicas    the replicas (the HPA's minimum for the collector role)
     * @param maxReplicas the HPA's maximum; the query role does not autoscale
     * @param resources   the Jaeger container's requests and limits
     */
    public record Role(int replicas, int maxReplicas, ContainerResources resources) {

        static Role read(ConfigSection section, Role fallback) {
            int replicas = section.integer("replicas").orElse(fallback.replicas());
            int maxReplicas = section.integer("maxReplicas").orElse(Math.max(replicas, fallback.maxReplicas()));
            return new Role(replicas, maxReplicas, ContainerResources.read(section, fallback.resources()));
        }

        void validate(String key, StackConfigValidator.Rules rules) {
            rules.check(replicas >= 1, key + ".replicas", String.valueOf(replicas), "must be at least 1");
            rules.check(maxReplicas >= replicas, key + ".maxReplicas", String.valueOf(maxReplicas),
                    "must be at least " + key + ".replicas (" + replicas + ")");
            resources.validate(key, rules);
        }
    }

    /**
     * The spark-dependencies CronJob that turns a day of spans into the UI's dependency graph.
     *
     * @param schedule the cron schedule (UTC)
     * @param version  the pinned spark-dependencies release tag (e.g. v0.7.0), without the image variant
     */
    public record Dependencies(String schedule, String version) {
    }

    /** A path of the query role's HTTP server, which serves the UI and its API under {@link #uiBasePath}. */
    public String underUiBasePath(String path) {
        return (uiBasePath.equals("/") ? "" : uiBasePath) + path;
    }

    /** The Jaeger v2 image of both roles, and the local stack's Jaeger container by default. */
    public String image() {
        return "jaegertracing/jaeger:" + version;
    }

    /**
     * The ILM-aware index initialiser, built from the same commit as the Jaeger image. Until Jaeger 2.13
     * the release tagged its tools images with the v1 version cut from that commit (ci-release.yml,
     * {@code BRANCH=$(make echo-v1)}); from 2.14 on with the v2 version.
     */
    public String rolloverImage() {
        return "jaegertracing/jaeger-es-rollover:" + V1_TOOLS_TAGS.getOrDefault(version, version);
    }

    static JaegerSettings read(ConfigSection section, ConfigSection root, ConfigSource source) {
        ConfigSection dependencies = section.section("dependencies");
        // One place for a service's rates: Jaeger's strategies are rendered from tracestack:services.
        List<String> moved = section.names("samplingStrategies");
        if (!moved.isEmpty()) {
            section.problem("samplingStrategies", String.join(", ", moved), "has moved to " + ConfigKeys.SERVICES
                    + ".<service>.sampling (rate, maxTracesPerSecond, operations): Jaeger's strategies and the "
                    + "collector's rates are both read from there");
        }
        return new JaegerSettings(
                section.bool("enabled").orElse(Defaults.JAEGER_ENABLED),
                section.string("version").orElse(Defaults.JAEGER_VERSION),
                Role.read(section.section("collector"), Defaults.JAEGER_COLLECTOR),
                Role.read(section.section("query"), Defaults.JAEGER_QUERY),
                section.string("uiBasePath").orElse(Defaults.JAEGER_UI_BASE_PATH),
                OAuthProxySettings.read(section.section("oauthProxy"), root, source),
                section.string("ingressHost").filter(host -> !host.isBlank()),
                section.string("tlsSecret").filter(secret -> !secret.isBlank()),
                new Dependencies(dependencies.string("schedule").orElse(Defaults.DEPENDENCIES_SCHEDULE),
                        dependencies.string("version").orElse(Defaults.SPARK_DEPENDENCIES_VERSION)));
    }

    /** Rules that only matter where Jaeger is deployed. */
    void validate(StackConfigValidator.Rules rules) {
        if (!enabled) {
            return;
        }
        ImageVersions.pinned(JAEGER + ".version", version, rules);
        rules.check(SPARK_RELEASE.matcher(dependencies.version()).matches(), JAEGER + ".dependencies.version",
                dependencies.version(), "must be a spark-dependencies release tag such as v0.7.0 (the stack "
                        + "adds the image's -elasticsearch8 variant suffix)");
        collector.validate(JAEGER + ".collector", rules);
        query.validate(JAEGER + ".query", rules);
        rules.check(BASE_PATH.matcher(uiBasePath).matches(), JAEGER + ".uiBasePath", uiBasePath,
                "must be a URL path starting with '/' and not ending with '/', e.g. /jaeger");
        ingressHost.ifPresent(host -> rules.check(HOST.matcher(host).matches(), JAEGER + ".ingressHost", host,
                "must be a DNS name such as jaeger.example.com"));
        tlsSecret.ifPresent(secret -> rules.check(KubernetesSettings.DNS_LABEL.matcher(secret).matches(),
                JAEGER + ".tlsSecret", secret, "must be the name of a Kubernetes Secret, e.g. jaeger-ui-tls"));
        rules.check(CRON.matcher(dependencies.schedule()).matches(), JAEGER + ".dependencies.schedule",
                dependencies.schedule(), "must be a cron schedule of five fields, e.g. \"15 0 * * *\"");
        oauthProxy.validate(rules);
    }
}
