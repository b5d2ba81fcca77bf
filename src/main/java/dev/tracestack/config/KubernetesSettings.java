package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.KUBERNETES;
import static dev.tracestack.config.ConfigKeys.KUBERNETES_CONTEXT;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the Kubernetes parts go ({@code kubernetes:context}, {@code tracestack:kubernetes}).
 *
 * @param context         the kubeconfig context; empty uses the current context
 * @param namespace       the namespace every workload is created in
 * @param createNamespace whether the stack creates that namespace or expects it to exist
 * @param googleApisCidrs where pods may reach Google APIs on 443; empty means any address outside the private
 *                        ranges. A cluster that resolves googleapis.com to private.googleapis.com narrows it to
 *                        {@code [199.36.153.8/30]}
 */
public record KubernetesSettings(Optional<String> context, String namespace, boolean createNamespace,
                                 List<String> googleApisCidrs) {

    /** An IPv4 block in CIDR notation. */
    private static final Pattern CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)/(3[0-2]|[12]?\\d)");

    public KubernetesSettings {
        googleApisCidrs = List.copyOf(googleApisCidrs);
    }

    /** RFC 1123 label, as Kubernetes requires for namespace names. */
    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    static KubernetesSettings read(ConfigSection root) {
        ConfigSection section = root.section(KUBERNETES);
        return new KubernetesSettings(
                root.string(KUBERNETES_CONTEXT),
                section.string("namespace").orElse(Defaults.NAMESPACE),
                section.bool("createNamespace").orElse(Defaults.CREATE_NAMESPACE),
                section.strings("googleApisCidrs").orElse(List.of()));
    }

    void validate(StackConfigValidator.Rules rules) {
        rules.check(DNS_LABEL.matcher(namespace).matches(), KUBERNETES + ".namespace", namespace,
                "must be a Kubernetes namespace name (RFC 1123 label: lower-case letters, digits, '-', at most 63)");
        googleApisCidrs.forEach(cidr -> rules.check(CIDR.matcher(cidr).matches(), KUBERNETES + ".googleApisCidrs",
                cidr, "must list IPv4 blocks in CIDR notation, e.g. 199.36.153.8/30 (private.googleapis.com)"));
    }
}
