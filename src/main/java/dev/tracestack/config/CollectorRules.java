package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.COLLECTOR;

import dev.tracestack.wire.Ports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The rules of {@link CollectorSettings}: replica ranges, memory floor, port clashes and the image tag. */
final class CollectorRules {

    /**
     * The smallest memory limit the collector is given. {@code memory_limiter} refuses data above
     * 80% - 25% = 55% of the limit; at 256 MiB that soft limit is 140 MiB, just above the contrib
     * binary's idle footprint (about 100 MiB) plus one batch in flight. Below it the limiter would
     * refuse spans permanently instead of only during spikes.
     */
    static final int MIN_MEMORY_LIMIT_MIB = 256;

    private CollectorRules() {
    }

    static void validate(CollectorSettings s, StackConfig config, StackConfigValidator.Rules rules) {
        replicas(s.gateway(), "gateway", rules);
        replicas(s.sampler(), "sampler", rules);

        CollectorSettings.Resources r = s.resources();
        rules.check(r.memoryLimitMiB() >= MIN_MEMORY_LIMIT_MIB, COLLECTOR + ".resources.memoryLimitMiB",
                String.valueOf(r.memoryLimitMiB()), "must be at least " + MIN_MEMORY_LIMIT_MIB
                        + " MiB, or memory_limiter's soft limit (55% of it) falls below the collector's idle footprint");
        rules.check(r.memoryRequestMiB() > 0 && r.memoryRequestMiB() <= r.memoryLimitMiB(),
                COLLECTOR + ".resources.memoryRequestMiB", String.valueOf(r.memoryRequestMiB()),
                "must be within [1, " + COLLECTOR + ".resources.memoryLimitMiB (" + r.memoryLimitMiB() + ")]");
        rules.check(r.cpuRequestMillis() > 0 && r.cpuRequestMillis() <= r.cpuLimitMillis(),
                COLLECTOR + ".resources.cpuRequestMillis", String.valueOf(r.cpuRequestMillis()),
                "must be within [1, " + COLLECTOR + ".resources.cpuLimitMillis (" + r.cpuLimitMillis() + ")]");
        rules.check(!s.persistentQueue().enabled() || s.persistentQueue().sizeGiB() >= 1,
                COLLECTOR + ".persistentQueue.sizeGiB", String.valueOf(s.persistentQueue().sizeGiB()),
                "must be at least 1 when the persistent queue is enabled");

        ports(s, rules);

        s.allowedNamespaces().forEach(namespace -> rules.check(
                StackConfigValidator.DNS_LABEL.matcher(namespace).matches(), COLLECTOR + ".allowedNamespaces",
                namespace, "must hold Kubernetes namespace names (RFC 1123 labels)"));
        ottlLiterals(s.dropHttpRoutes(), COLLECTOR + ".dropHttpRoutes", rules);
        ottlLiterals(s.dropGrpcMethods(), COLLECTOR + ".dropGrpcMethods", rules);
        s.detailAttributes().forEach(pattern -> rules.check(isRegex(pattern), COLLECTOR + ".detailAttributes",
                pattern, "must hold regular expressions over attribute keys (the attributes processor's pattern)"));

        s.image().ifPresent(image -> ImageVersions.pinnedTag(COLLECTOR + ".image", image, rules));

        ExporterSettings exporters = config.exporters();
        rules.check(exporters.cloudTrace() || exporters.jaeger() || exporters.bigQuery(), ConfigKeys.EXPORTERS,
                "all off", "must turn on at least one of cloudTrace, jaeger, bigQuery (the collector has nowhere to send spans)");
    }

    private static boolean isRegex(String pattern) {
        try {
            Pattern.compile(pattern);
            return !pattern.isEmpty();
        } catch (PatternSyntaxException invalid) {
            return false;
        }
    }

    /** The values become OTTL string literals; a quote or backslash would end or escape the literal. */
    private static void ottlLiterals(List<String> values, String key, StackConfigValidator.Rules rules) {
        values.forEach(value -> rules.check(!value.isEmpty() && value.indexOf('"') < 0 && value.indexOf('\\') < 0,
                key, value, "must hold non-empty values without quotes or backslashes (they become OTTL string literals)"));
    }

    private static void replicas(CollectorSettings.Replicas replicas, String tier, StackConfigValidator.Rules rules) {
        String min = COLLECTOR + "." + tier + ".minReplicas";
        String max = COLLECTOR + "." + tier + ".maxReplicas";
        rules.check(replicas.minReplicas() >= 1, min, String.valueOf(replicas.minReplicas()), "must be at least 1");
        rules.check(replicas.minReplicas() <= replicas.maxReplicas(), min, String.valueOf(replicas.minReplicas()),
                "must be <= " + max + " (" + replicas.maxReplicas() + ")");
    }

    /** Every open receiver port must be a valid port, distinct, and not one the collector uses itself. */
    private static void ports(CollectorSettings s, StackConfigValidator.Rules rules) {
        Map<Integer, String> taken = new LinkedHashMap<>();
        taken.put(Ports.HEALTH_CHECK, "the health_check extension");
        taken.put(Ports.ZPAGES, "the zpages extension");
        taken.put(Ports.COLLECTOR_METRICS, "the collector's metrics endpoint");
        Map<String, Integer> open = new LinkedHashMap<>();
        CollectorSettings.Ports p = s.ports();
        open.put("otlpGrpc", p.otlpGrpc());
        open.put("otlpHttp", p.otlpHttp());
        if (s.receivers().zipkin()) {
            open.put("zipkin", p.zipkin());
        }
        if (s.receivers().jaeger()) {
            open.put("jaegerGrpc", p.jaegerGrpc());
            open.put("jaegerThriftHttp", p.jaegerThriftHttp());
        }
        open.forEach((name, port) -> {
            String key = COLLECTOR + ".ports." + name;
            if (!rules.port(key, port)) {
                return;
            }
            String holder = taken.putIfAbsent(port, key);
            rules.check(holder == null, key, String.valueOf(port), "must not clash with the port of " + holder);
        });
    }
}
