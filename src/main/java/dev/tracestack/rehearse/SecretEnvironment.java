package dev.tracestack.rehearse;

import dev.tracestack.render.collector.SensitiveData;
import java.util.Map;

/**
 * What a collector pod gets from Kubernetes Secrets as environment variables, given by the rehearsal instead:
 * the gateway's hash key ({@link SensitiveData#HASH_KEY_ENV}, from the Secret {@link SensitiveData#HASH_KEY_SECRET}
 * in a cluster). The key is the rehearsal's own, fixed so that the expected hashes can be computed; a stack's real
 * key is a Pulumi secret the rehearsal never sees.
 */
final class SecretEnvironment {

    /** 44 bytes, above the redaction processor's 32-byte minimum for hmac-sha256. */
    static final String HASH_KEY = "tracestack-rehearsal-attribute-hash-key-2026";

    private SecretEnvironment() {
    }

    /** The environment a gateway's container gets from its Secrets. */
    static Map<String, String> gateway() {
        return Map.of(SensitiveData.HASH_KEY_ENV, HASH_KEY);
    }
}
