package dev.tracestack.render;

import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Where a stack deploys: the explicit providers the program creates for its platform, and the ids it
 * exports. A docker stack has a Google provider only when it names a project (Cloud Trace from a
 * workstation); a Kubernetes stack always has both the cluster's and Google Cloud's.
 *
 * @param environment the environment id, exported as {@code environment}
 * @param platform    the platform id, exported as {@code platform}
 * @param kubernetes  the cluster's provider; on the Kubernetes platform
 * @param gcp         Google Cloud's provider
 * @param docker      the Docker engine's provider; on the docker platform
 */
public record StackTarget(String environment, String platform, Optional<Kubernetes> kubernetes, Optional<Gcp> gcp,
                          Optional<Docker> docker) {

    /** @param context the kubeconfig context; empty uses the current one */
    public record Kubernetes(Optional<String> context) {
    }

    /**
     * @param project the project resources go into
     * @param region  the region regional resources go into
     * @param labels  labels every Google resource carries
     */
    public record Gcp(String project, String region, Map<String, String> labels) {
    }

    /** @param host the Docker engine, e.g. {@code unix:///var/run/docker.sock} */
    public record Docker(String host) {
    }

    public static StackTarget of(StackConfig config) {
        boolean docker = config.platform() == Platform.DOCKER;
        String environment = config.environment().id();
        return new StackTarget(environment, config.platform().id(),
                docker ? Optional.empty() : Optional.of(new Kubernetes(config.kubernetes().context())),
                docker && config.gcp().project().isEmpty() ? Optional.empty() : Optional.of(new Gcp(
                        config.gcp().project(), config.gcp().region(),
                        Map.of("managed-by", "tracestack", "environment", environment))),
                docker ? Optional.of(new Docker(config.local().dockerHost())) : Optional.empty());
    }
}
