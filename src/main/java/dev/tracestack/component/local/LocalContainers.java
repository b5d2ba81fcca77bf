package dev.tracestack.component.local;

import com.pulumi.core.Output;
import com.pulumi.docker.ContainerArgs;
import com.pulumi.docker.Network;
import com.pulumi.docker.RemoteImage;
import com.pulumi.docker.Volume;
import com.pulumi.docker.inputs.ContainerHealthcheckArgs;
import com.pulumi.docker.inputs.ContainerNetworksAdvancedArgs;
import com.pulumi.docker.inputs.ContainerPortArgs;
import com.pulumi.docker.inputs.ContainerUploadArgs;
import com.pulumi.docker.inputs.ContainerVolumeArgs;
import dev.tracestack.config.HostPort;
import dev.tracestack.render.collector.CollectorConfigRenderer;
import dev.tracestack.render.collector.CollectorPort;
import dev.tracestack.render.collector.SensitiveData;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.render.jaeger.JaegerConfigRenderer;
import dev.tracestack.render.local.LocalNetwork;
import dev.tracestack.render.local.RenderedLocal;
import dev.tracestack.wire.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pure builders, one per container of the local stack: image, network alias, ports, mounts, limits. */
final class LocalContainers {

    /** Long-running containers come back after a crash or a Docker restart, but not after `docker stop`. */
    private static final String RESTART = "unless-stopped";
    static final String COLLECTOR_CONFIG = "/etc/otelcol-contrib/config.yaml";
    static final String JAEGER_DIR = JaegerConfigRenderer.CONFIG_DIR + "/";
    /** Where the cluster's init Job mounts its files; the shared script reads them from there. */
    static final String INIT_DIR = "/init/";
    static final String GCP_CREDENTIALS = "/etc/gcp/credentials.json";
    /** The collector's port names ({@link CollectorPort#name()}) and the host ports they are published on. */
    private static final Map<String, HostPort> COLLECTOR_PORTS = Map.of(
            "otlp-grpc", HostPort.OTLP_GRPC,
            "otlp-http", HostPort.OTLP_HTTP,
            "zipkin", HostPort.ZIPKIN,
            "jaeger-grpc", HostPort.JAEGER_GRPC,
            "jaeger-thrift", HostPort.JAEGER_HTTP,
            "health", HostPort.COLLECTOR_HEALTH,
            "metrics", HostPort.COLLECTOR_METRICS);
    static final int ELASTICSEARCH_READY_SECONDS = 300;

    private final RenderedLocal local;
    private final String prefix;

    LocalContainers(RenderedLocal local) {
        this.local = local;
        this.prefix = local.prefix();
    }

    ContainerArgs elasticsearch(RemoteImage image, Network network, Volume data) {
        int heap = local.sizes().elasticsearchHeapMiB();
        return ContainerArgs.builder()
                .name(prefix + "-elasticsearch")
                .image(image.name())
                .envs("discovery.type=single-node",
                        // Reachable only through the bind address; docs/local.md explains the trade-off.
                        "xpack.security.enabled=false",
                        // The heap the cloud stacks' rules bound to half the memory: Lucene lives in the page cache.
                        "ES_JAVA_OPTS=-Xms" + heap + "m -Xmx" + heap + "m")
                .networksAdvanced(on(network, LocalNetwork.ELASTICSEARCH))
                .ports(publish(HostPort.ELASTICSEARCH, Ports.ELASTICSEARCH_HTTP))
                .volumes(ContainerVolumeArgs.builder()
                        .volumeName(data.name())
                        .containerPath("/usr/share/elasticsearch/data")
                        .build())
                .healthcheck(ContainerHealthcheckArgs.builder()
                        .tests("CMD", "curl", "--fail", "--silent",
                                "http://localhost:" + Ports.ELASTICSEARCH_HTTP
                                        + "/_cluster/health?wait_for_status=yellow&timeout=5s")
                        .interval("10s").timeout("10s").startPeriod("30s").retries(30)
                        .build())
                // The initialisation after it needs a live cluster, not just a started process.
                .wait_(true)
                .waitTimeout(ELASTICSEARCH_READY_SECONDS)
                .memory(local.sizes().elasticsearchMemoryMiB())
                .restart(RESTART)
                .build();
    }

    /**
     * One-shot: the cluster's init script (waits for the cluster, PUTs the rendered ILM policy), run by the
     * Elasticsearch image, which brings sh and curl, so no extra image.
     */
    ContainerArgs ilmPolicy(RemoteImage elasticsearchImage, Network network) {
        return oneShot(prefix + "-ilm-policy", elasticsearchImage, network)
                .entrypoints("/bin/sh", INIT_DIR + "init.sh")
                .envs("ES_URL=" + LocalNetwork.elasticsearchUrl(), "ILM_POLICY=" + JaegerIndices.ILM_POLICY_NAME)
                .uploads(upload(INIT_DIR + "init.sh", local.initScript()),
                        upload(INIT_DIR + "ilm-policy.json", local.ilmPolicy()))
                .build();
    }

    /** One-shot: creates the first indices and the read/write aliases, which needs the ILM policy first. */
    ContainerArgs rolloverInit(RemoteImage image, Network network) {
        List<String> envs = new ArrayList<>();
        local.rolloverSettings().forEach((name, value) -> envs.add(name + "=" + value));
        return oneShot(prefix + "-rollover-init", image, network)
                .command("init", LocalNetwork.elasticsearchUrl())
                .envs(envs)
                .build();
    }

    ContainerArgs jaeger(RemoteImage image, Network network) {
        return ContainerArgs.builder()
                .name(prefix + "-jaeger")
                .image(image.name())
                .command("--config=" + JAEGER_DIR + JaegerConfigRenderer.CONFIG_FILE)
                .uploads(upload(JAEGER_DIR + JaegerConfigRenderer.CONFIG_FILE, local.jaegerConfig()),
                        upload(JAEGER_DIR + JaegerConfigRenderer.STRATEGIES_FILE, local.samplingStrategies()),
                        upload(JAEGER_DIR + JaegerConfigRenderer.UI_CONFIG_FILE, local.uiConfig()))
                .networksAdvanced(on(network, LocalNetwork.JAEGER))
                .ports(publish(HostPort.JAEGER_UI, Ports.JAEGER_UI))
                .healthcheck(ContainerHealthcheckArgs.builder()
                        // The image is Alpine-based: busybox wget is there, curl is not.
                        .tests("CMD", "wget", "-q", "-O", "/dev/null",
                                "http://localhost:" + Ports.HEALTH_CHECK + "/status")
                        .interval("10s").timeout("5s").startPeriod("10s").retries(6)
                        .build())
                // One process with both roles, sized like the collector role.
                .memory(local.sizes().jaegerMemoryMiB())
                .restart(RESTART)
                .build();
    }

    /**
     * Publishes exactly the ports the rendered config opens (plus zPages, which only the local stack
     * publishes). The contrib image is built from scratch (no shell, no HTTP client), so Docker cannot
     * probe it; its health endpoint is a stack output instead.
     */
    ContainerArgs collector(RemoteImage image, Network network) {
        List<ContainerPortArgs> ports = new ArrayList<>();
        for (CollectorPort port : local.collectorTier().tier().ports(local.collector())) {
            HostPort hostPort = COLLECTOR_PORTS.get(port.name());
            if (hostPort == null) {
                throw new IllegalStateException("the collector opens port " + port.name() + " (" + port.port()
                        + ") but tracestack:local.ports has no host port for it");
            }
            ports.add(publish(hostPort, port.port()));
        }
        ports.add(publish(HostPort.ZPAGES, Ports.ZPAGES));
        ContainerArgs.Builder builder = ContainerArgs.builder();
        List<String> envs = new ArrayList<>();
        envs.add("GOMEMLIMIT=" + CollectorConfigRenderer.goMemLimit(local.collector()));
        // Cloud Trace from a workstation: the developer's Application Default Credentials, read-only.
        local.settings().gcpCredentialsFile().ifPresent(file -> {
            builder.volumes(ContainerVolumeArgs.builder().hostPath(file).containerPath(GCP_CREDENTIALS)
                    .readOnly(true).build());
            envs.add("GOOGLE_APPLICATION_CREDENTIALS=" + GCP_CREDENTIALS);
        });
        // The hash key only as a Pulumi secret: the whole list is secret in the state and the plan.
        local.hashKey().ifPresent(key -> envs.add(SensitiveData.HASH_KEY_ENV + "=" + key));
        return builder
                .envs(local.hashKey().isPresent() ? Output.ofSecret(List.copyOf(envs)) : Output.of(List.copyOf(envs)))
                .name(prefix + "-collector")
                .image(image.name())
                .command("--config=" + COLLECTOR_CONFIG)
                .uploads(upload(COLLECTOR_CONFIG, local.collectorTier().configYaml()))
                .networksAdvanced(on(network, LocalNetwork.COLLECTOR))
                .ports(ports)
                // The same limit memory_limiter was rendered against.
                .memory(local.collector().resources().memoryLimitMiB())
                .restart(RESTART)
                .build();
    }

    /** Runs to completion once: {@code attach} makes the provider wait for the exit before dependants start. */
    private ContainerArgs.Builder oneShot(String name, RemoteImage image, Network network) {
        return ContainerArgs.builder()
                .name(name)
                .image(image.name())
                .networksAdvanced(on(network))
                .attach(true)
                .logs(true)
                .mustRun(false)
                .restart("no");
    }

    private ContainerPortArgs publish(HostPort hostPort, int containerPort) {
        return ContainerPortArgs.builder()
                .ip(local.settings().bindAddress())
                .external(local.settings().port(hostPort))
                .internal(containerPort)
                .build();
    }

    private static ContainerNetworksAdvancedArgs on(Network network, String... aliases) {
        return ContainerNetworksAdvancedArgs.builder().name(network.name()).aliases(aliases).build();
    }

    private static ContainerUploadArgs upload(String file, String content) {
        return ContainerUploadArgs.builder().file(file).content(content).build();
    }
}
