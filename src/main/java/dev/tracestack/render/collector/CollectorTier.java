package dev.tracestack.render.collector;

import dev.tracestack.config.CollectorSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import dev.tracestack.wire.WellKnownNames;
import dev.tracestack.wire.WireName;
import java.util.List;

/**
 * One tier of collector pods and what it does. Tail sampling needs every span of a trace on one
 * instance, so an environment that drops traces runs a stateless gateway tier that routes by trace id
 * to a sampler tier; an environment that keeps everything runs the gateway alone.
 *
 * @param role            gateway (applications send here) or sampler (tail sampling)
 * @param replicas        the HorizontalPodAutoscaler's range
 * @param exportsTraces   whether this tier makes the final decision and sends traces to the backends
 * @param persistentQueue whether its exporters queue on a volume (then it runs as a StatefulSet)
 */
public record CollectorTier(Role role, CollectorSettings.Replicas replicas, boolean exportsTraces,
                            boolean persistentQueue) {

    /** Average CPU utilisation of the request at which the autoscaler adds pods. */
    public static final int SCALE_OUT_CPU_PERCENT = 70;

    /** What a tier is for; its name is part of every Kubernetes name of the tier. */
    public enum Role {
        GATEWAY, SAMPLER;

        public String id() {
            return WireName.of(this);
        }
    }

    /** The tiers an environment runs, gateway first. */
    public static List<CollectorTier> of(StackConfig config) {
        CollectorSettings s = config.collector();
        boolean persistent = s.persistentQueue().enabled();
        if (!samples(config)) {
            return List.of(new CollectorTier(Role.GATEWAY, s.gateway(), true, persistent));
        }
        return List.of(new CollectorTier(Role.GATEWAY, s.gateway(), false, false),
                new CollectorTier(Role.SAMPLER, s.sampler(), true, persistent));
    }

    /**
     * Whether any trace can be dropped. Policies are OR-ed and a trace's ordinary rate (the stack's default,
     * or its services' own) is a floor for its error and slow rates, so with every ordinary rate at 1 nothing
     * is ever dropped, whatever the error and slow rates say.
     */
    public static boolean samples(StackConfig config) {
        return config.sampling().defaultRate() < 1.0 || config.services().lowersAnyRate();
    }

    /** The workload's name, also its headless Service's and ConfigMap's prefix: {@code otel-collector-<role>}. */
    public String workload() {
        return workload(role);
    }

    /** The workload name of a role's tier. */
    public static String workload(Role role) {
        return Names.child(WellKnownNames.COLLECTOR_SERVICE, role.id());
    }

    /** The artifact path of this tier's rendered config. */
    public String artifact() {
        return "collector/" + role.id() + ".yaml";
    }

    /** The ports this tier's container opens. Only the gateway receives from applications. */
    public List<CollectorPort> ports(CollectorSettings s) {
        return CollectorPort.of(s, role);
    }
}
