package dev.tracestack.render.collector;

import dev.tracestack.config.CollectorSettings;
import dev.tracestack.config.Platform;
import dev.tracestack.config.Secret;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import dev.tracestack.render.RenderedPart;
import dev.tracestack.wire.WellKnownNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenTelemetry Collector on the cluster, rendered: every tier with its configuration, and the settings
 * its Kubernetes objects are sized and wired from.
 *
 * @param namespace       the namespace every part's workloads go into
 * @param createNamespace whether the collector creates that namespace
 * @param environment     the environment, in labels
 * @param settings        the collector's own section: image, resources, receiver ports, queue, who may send
 * @param exportsToJaeger whether the exporting tier sends to Jaeger, which its NetworkPolicy must then allow
 * @param tiers           the tiers, gateway first
 * @param keepsState      whether the namespace holds protected state (stage, prod): then it is protected too
 * @param googleApisCidrs where the pods reach Google APIs; empty: anywhere outside the private ranges
 */
public record RenderedCollector(String namespace, boolean createNamespace, String environment,
                                CollectorSettings settings, boolean exportsToJaeger, List<RenderedTier> tiers,
                                boolean keepsState, List<String> googleApisCidrs)
        implements RenderedPart {

    public RenderedCollector {
        tiers = List.copyOf(tiers);
    }

    public static RenderedCollector of(StackConfig config, List<RenderedTier> tiers) {
        return new RenderedCollector(config.kubernetes().namespace(), config.kubernetes().createNamespace(),
                config.environment().id(), config.collector(), config.exporters().jaeger(), tiers,
                config.environment().keepsState(), config.kubernetes().googleApisCidrs());
    }

    @Override
    public Map<String, String> files() {
        return RenderedTier.files(tiers);
    }

    /**
     * Whether the gateway hashes {@code hashAttributes} with the key it reads from
     * {@link SensitiveData#HASH_KEY_ENV}, which its pods get from the Secret {@link SensitiveData#HASH_KEY_SECRET}.
     */
    public boolean keyedHash() {
        return SensitiveData.keyed(settings, Platform.KUBERNETES);
    }

    /** The hash key's value, where the stack holds it and so creates the Secret itself. */
    public Optional<String> hashKey() {
        return settings.hashKey().flatMap(Secret::value);
    }

    /** Where applications send OTLP over gRPC, e.g. {@code otel-collector.observability.svc.cluster.local:4317}. */
    public String otlpGrpcEndpoint() {
        return host() + ":" + settings.ports().otlpGrpc();
    }

    /** Where applications send OTLP over HTTP. */
    public String otlpHttpEndpoint() {
        return "http://" + host() + ":" + settings.ports().otlpHttp();
    }

    /** Where Zipkin clients (Envoy, Istio) send spans, when the Zipkin receiver is on. */
    public Optional<String> zipkinEndpoint() {
        return settings.receivers().zipkin()
                ? Optional.of("http://" + host() + ":" + settings.ports().zipkin() + "/api/v2/spans")
                : Optional.empty();
    }

    private String host() {
        return Names.serviceHost(WellKnownNames.COLLECTOR_SERVICE, namespace);
    }
}
