package dev.tracestack.component.collector;

import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.tracestack.config.CollectorSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import dev.tracestack.render.collector.CollectorPort;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.wire.WellKnownNames;
import java.util.List;
import java.util.Map;

/**
 * Everything the per-kind factories need to know about one tier: its config, rendered collector
 * configuration and the names and labels derived from them.
 *
 * @param config     the validated stack config
 * @param tier       the tier
 * @param configYaml the tier's rendered collector configuration
 */
record CollectorTierSpec(StackConfig config, CollectorTier tier, String configYaml) {

    static final String CONFIG_FILE = "collector.yaml";

    CollectorSettings settings() {
        return config.collector();
    }

    String namespace() {
        return config.kubernetes().namespace();
    }

    String name() {
        return tier.workload();
    }

    String configHash() {
        return Names.hash8(configYaml);
    }

    /** The ConfigMap's name carries the content hash: a new config is a new object, never an in-place edit. */
    String configMapName() {
        return Names.dnsLabel(name() + "-" + configHash());
    }

    Map<String, String> labels() {
        return Names.labels(WellKnownNames.COLLECTOR_SERVICE, tier.role().id(), config.environment().id(),
                settings().version());
    }

    Map<String, String> selector() {
        return selectorOf(tier.role());
    }

    /** The selector of any tier of the same collector, for policies between tiers. */
    Map<String, String> selectorOf(CollectorTier.Role role) {
        return Names.selector(WellKnownNames.COLLECTOR_SERVICE, role.id(), config.environment().id());
    }

    LabelSelectorArgs labelSelector() {
        return LabelSelectorArgs.builder().matchLabels(selector()).build();
    }

    List<CollectorPort> ports() {
        return tier.ports(settings());
    }

    ObjectMetaArgs metadata(String objectName) {
        return ObjectMetaArgs.builder().name(objectName).namespace(namespace()).labels(labels()).build();
    }
}
