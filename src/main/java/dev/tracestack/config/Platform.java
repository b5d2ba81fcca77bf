package dev.tracestack.config;

import dev.tracestack.wire.WireName;
import java.util.List;

/**
 * Which platform receives the rendered artifacts ({@code tracestack:platform}): a GKE cluster plus its
 * Google Cloud project, or the Docker engine of a workstation.
 */
public enum Platform {
    /** Kubernetes workloads with Google Cloud resources: the dev, stage and prod stacks. */
    KUBERNETES,
    /** Containers on one Docker engine: the {@code local} stack. */
    DOCKER;

    public String id() {
        return WireName.of(this);
    }

    /**
     * Reads {@code tracestack:platform} and reports every key that belongs to the other platform. Such a
     * key is rejected rather than ignored with a warning: a stack file copied from dev into a docker
     * stack would otherwise look configured while nothing reads it.
     */
    static Platform read(ConfigSection root) {
        Platform platform = root.choice(ConfigKeys.PLATFORM, Platform.class).orElse(KUBERNETES);
        Platform other = platform == KUBERNETES ? DOCKER : KUBERNETES;
        for (String key : other.ownKeys()) {
            if (root.has(key)) {
                root.problem(key, root.string(key).orElse(null), "applies only to " + ConfigKeys.PLATFORM + " "
                        + other.id() + " and this stack's platform is " + platform.id() + " (remove the key)");
            }
        }
        return platform;
    }

    /** The keys only this platform reads. */
    List<String> ownKeys() {
        return this == KUBERNETES
                ? List.of(ConfigKeys.KUBERNETES_CONTEXT, ConfigKeys.KUBERNETES, ConfigKeys.COST)
                : List.of(ConfigKeys.LOCAL);
    }
}
