package dev.tracestack.render.cost;

import dev.tracestack.config.ContainerResources;
import dev.tracestack.config.FixedContainers;
import dev.tracestack.config.JaegerSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.elasticsearch.RenderedElasticsearch;
import dev.tracestack.render.jaeger.RenderedJaeger;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Every pod the stack runs on the cluster, with the requests its workload sets: the same settings the
 * components register the workloads from. The one-shot ILM init Job runs once per deployment and is left out.
 */
final class Workloads {

    /** How long one spark-dependencies run takes over a day of spans at these volumes: a stated guess. */
    static final double SPARK_HOURS_PER_RUN = 0.5;

    /**
     * One workload's pods.
     *
     * @param name        the workload's name
     * @param replicas    the pods it runs normally (an autoscaler's minimum)
     * @param maxReplicas the pods it may scale to
     * @param requests    one pod's CPU and memory requests
     * @param dutyCycle   the share of the month a pod runs: 1 for services, less for scheduled jobs
     */
    record Workload(String name, int replicas, int maxReplicas, ContainerResources requests, double dutyCycle) {
    }

    private Workloads() {
    }

    static List<Workload> of(StackConfig config, double hoursPerMonth) {
        List<Workload> pods = new ArrayList<>();
        var collector = config.collector().resources();
        ContainerResources collectorRequests =
                new ContainerResources(collector.cpuRequestMillis(), collector.memoryLimitMiB());
        for (CollectorTier tier : CollectorTier.of(config)) {
            pods.add(new Workload(tier.workload(), tier.replicas().minReplicas(), tier.replicas().maxReplicas(),
                    collectorRequests, 1));
        }
        JaegerSettings jaeger = config.jaeger();
        if (!jaeger.enabled()) {
            return pods;
        }
        pods.add(role(WellKnownNames.JAEGER_COLLECTOR_SERVICE, jaeger.collector()));
        pods.add(role(WellKnownNames.JAEGER_QUERY_SERVICE, jaeger.query()));
        if (jaeger.oauthProxy().enabled()) {
            int replicas = jaeger.query().replicas();
            pods.add(new Workload(RenderedJaeger.OAUTH_PROXY, replicas, replicas, FixedContainers.OAUTH_PROXY, 1));
        }
        var es = config.elasticsearch();
        pods.add(new Workload(WellKnownNames.ELASTICSEARCH_CLUSTER, es.nodes(), es.nodes(), es.resources(), 1));
        if (es.installOperator()) {
            pods.add(new Workload(RenderedElasticsearch.ECK_OPERATOR, 1, 1, FixedContainers.ECK_OPERATOR_REQUESTS, 1));
        }
        double runs = CronRuns.perMonth(jaeger.dependencies().schedule(), hoursPerMonth / 24);
        pods.add(new Workload(RenderedJaeger.SPARK_DEPENDENCIES, 1, 1,
                larger(FixedContainers.SPARK_DEPENDENCIES, FixedContainers.TRUSTSTORE_IMPORT),
                Math.min(1, runs * SPARK_HOURS_PER_RUN / hoursPerMonth)));
        return pods;
    }

    /** A pod with one container and one init container requests the larger of the two, resource by resource. */
    static ContainerResources larger(ContainerResources container, ContainerResources init) {
        return new ContainerResources(Math.max(container.cpuMillis(), init.cpuMillis()),
                Math.max(container.memoryMiB(), init.memoryMiB()));
    }

    private static Workload role(String name, JaegerSettings.Role role) {
        return new Workload(name, role.replicas(), role.maxReplicas(), role.resources(), 1);
    }
}
