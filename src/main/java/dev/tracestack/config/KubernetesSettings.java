package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.KUBERNETES;
import static dev.tracestack.config.ConfigKeys.KUBERNETES_CONTEXT;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the Kubernetes parts go ({@code kubernetes:context}, {@code tracestack:kubernetes}).
 *
 * @param context         the kubeconfig context; empty uses the current context
 * @param namespace       the namespace every workload is created in
 * @param createNamespace whether the stack creates that namespace or expects it to exist
 */
public record KubernetesSettings(Optional<String> context, String namespace, boolean createNamespace) {

    /** RFC 1123 label, as Kubernetes requires for namespace names. */
    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    static KubernetesSettings read(ConfigSection root) {
        ConfigSection section = root.section(KUBERNETES);
        return new KubernetesSettings(
                root.string(KUBERNETES_CONTEXT),
                section.string("namespace").orElse(Defaults.NAMESPACE),
                section.bool("createNamespace").orElse(Defaults.CREATE_NAMESPACE));
    }

    void validate(StackConfigValidator.Rules rules) {
        rules.check(DNS_LABEL.matcher(namespace).matches(), KUBERNETES + ".namespace", namespace,
                "must be a Kubernetes namespace name (RFC 1123 label: lower-case letters, digits, '-', at most 63)");
    }
}
