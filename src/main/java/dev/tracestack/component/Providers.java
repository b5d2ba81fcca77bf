package dev.tracestack.component;

import com.pulumi.resources.ProviderResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The explicit providers a stack's parts are created with; {@code Pulumi.yaml} disables the default
 * providers, so a resource without one of these fails instead of using ambient credentials. A stack has
 * only the providers of its platform (and Google Cloud on a docker stack only when it exports there).
 *
 * @param kubernetes the cluster the workloads go to
 * @param gcp        the Google Cloud project
 * @param docker     the Docker engine the local stack's containers run on
 * @param random     the generator of the Elasticsearch users' passwords, where the stack has Elasticsearch
 */
public record Providers(Optional<com.pulumi.kubernetes.Provider> kubernetes, Optional<com.pulumi.gcp.Provider> gcp,
                        Optional<com.pulumi.docker.Provider> docker, Optional<ProviderResource> random) {

    public List<ProviderResource> all() {
        List<ProviderResource> all = new ArrayList<>();
        kubernetes.ifPresent(all::add);
        gcp.ifPresent(all::add);
        docker.ifPresent(all::add);
        random.ifPresent(all::add);
        return all;
    }
}
