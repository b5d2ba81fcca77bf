package dev.tracestack.component.collector;

import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.tracestack.config.CollectorSettings;
import dev.tracestack.render.Names;
import dev.tracestack.render.collector.CollectorPort;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.collector.RenderedCollector;
import dev.tracestack.render.collector.RenderedTier;
import dev.tracestack.wire.WellKnownNames;
import java.util.List;
import java.util.Map;

/**
 * Everything the per-kind builders need to know about one tier: the collector it belongs to, its rendered
 * configuration, and the names, labels and metadata derived from them.
 *
 * @param collector the rendered collector
 * @param rendered  the tier and its rendered configuration
 */
record CollectorTierSpec(RenderedCollector collector, RenderedTier rendered) {

    CollectorTier tier() {
        return rendered.tier();
    }

    CollectorSettings settings() {
        return collector.settings();
    }

    String namespace() {
        return collector.namespace();
    }

    String name() {
        return tier().workload();
    }

    Map<String, String> labels() {
        return Names.labels(WellKnownNames.COLLECTOR_SERVICE, tier().role().id(), collector.environment(),
                settings().version());
    }

    Map<String, String> selector() {
        return selectorOf(tier().role());
    }

    /** The selector of any tier of the same collector, for policies between tiers. */
    Map<String, String> selectorOf(CollectorTier.Role role) {
        return Names.selector(WellKnownNames.COLLECTOR_SERVICE, role.id(), collector.environment());
    }

    LabelSelectorArgs labelSelector() {
        return LabelSelectorArgs.builder().matchLabels(selector()).build();
    }

    List<CollectorPort> ports() {
        return tier().ports(settings());
    }

    ObjectMetaArgs metadata(String objectName) {
        return ObjectMetaArgs.builder().name(objectName).namespace(namespace()).labels(labels()).build();
    }
}
