package dev.tracestack.render;

import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.ConfigProblem;
import dev.tracestack.config.InvalidConfigException;
import dev.tracestack.config.StackConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Kubernetes stores an object whole in etcd and refuses a ConfigMap whose data exceeds 1 MiB. The ConfigMaps
 * whose size follows the number of services (the collector's service lists, Jaeger's sampling strategies) are
 * checked when rendered, so an oversized fleet is a config error before anything is registered, not a failed
 * {@code pulumi up} halfway through.
 */
public final class ConfigMapLimit {

    /** {@code MaxSize} of a ConfigMap's data in Kubernetes ({@code core/validation}: 1 MiB). */
    public static final long MAX_BYTES = 1 << 20;

    private ConfigMapLimit() {
    }

    /** The ConfigMap's files, if they fit; otherwise an invalid config naming the services that grew them. */
    public static Map<String, String> require(StackConfig config, String configMap, Map<String, String> files) {
        long bytes = bytes(files);
        if (bytes > MAX_BYTES) {
            String mib = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(MAX_BYTES), 2, RoundingMode.UP)
                    .toPlainString();
            throw new InvalidConfigException(new ConfigProblem(config.file(), ConfigKeys.SERVICES,
                    config.services().size() + " services", "must fit the ConfigMap " + configMap + " into the 1 MiB "
                            + "Kubernetes allows, and their settings make it " + mib + " MiB (give fewer services "
                            + "settings of their own, or shorter names)"));
        }
        return files;
    }

    /** A ConfigMap's size as Kubernetes counts it: every key and value, in UTF-8 bytes. */
    static long bytes(Map<String, String> files) {
        long bytes = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            bytes += file.getKey().getBytes(StandardCharsets.UTF_8).length
                    + file.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }
}
