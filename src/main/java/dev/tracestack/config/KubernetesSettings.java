package dev.tracestack.config;

import java.util.Optional;

/**
 * Where the Kubernetes parts go.
 *
 * @param context         the kubeconfig context ({@code kubernetes:context}); empty uses the current context
 * @param namespace       the namespace every workload is created in
 * @param createNamespace whether the stack creates that namespace or expects it to exist
 */
public record KubernetesSettings(Optional<String> context, String namespace, boolean createNamespace) {
}
