package dev.tracestack.component.collector;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.render.Names;
import dev.tracestack.render.collector.RenderedCollector;
import dev.tracestack.render.collector.SensitiveData;
import dev.tracestack.wire.WellKnownNames;
import java.util.Map;
import java.util.Optional;

/**
 * The key the gateway hashes {@code hashAttributes} with: a Secret the stack creates from
 * {@code tracestack:attributeHashKey} when it holds the key, otherwise one of the same name created out of
 * band; the gateway reads it into an environment variable, so the key is never in its ConfigMap. Without the
 * Secret the gateway pods do not start, rather than store a hash anyone can reverse.
 */
final class CollectorSecret {

    private CollectorSecret() {
    }

    /** The Secret, only where the stack holds the key; its value is a Pulumi secret in the state and the plan. */
    static Optional<SecretArgs> hashKey(RenderedCollector collector) {
        if (!collector.keyedHash()) {
            return Optional.empty();
        }
        return collector.hashKey().map(key -> SecretArgs.builder()
                .metadata(PodSpecs.meta(SensitiveData.HASH_KEY_SECRET, collector.namespace(),
                        Names.labels(WellKnownNames.COLLECTOR_SERVICE, "collector", collector.environment(),
                                collector.settings().version())))
                .type("Opaque")
                .stringData(Output.ofSecret(Map.of(SensitiveData.HASH_KEY_SECRET_KEY, key)))
                .build());
    }

    /** The gateway container's variable the rendered {@code hmac_key} reads. */
    static EnvVarArgs hashKeyEnv() {
        return PodSpecs.secretEnv(SensitiveData.HASH_KEY_ENV, SensitiveData.HASH_KEY_SECRET,
                SensitiveData.HASH_KEY_SECRET_KEY);
    }
}
