package dev.tracestack.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One resource the program registered, as the engine would receive it.
 *
 * @param type           the Pulumi type token, e.g. {@code gcp:pubsub/topic:Topic}
 * @param name           the logical name
 * @param parent         the parent's logical name, {@code null} for top-level resources
 * @param provider       the explicit provider's logical name, {@code null} for components and providers
 * @param protect        the {@code protect} option
 * @param retainOnDelete the {@code retainOnDelete} option
 * @param dependsOn      logical names of the resources this one waits for
 * @param aliases        the names it was registered under before, so the engine moves that resource to this name
 *                       instead of replacing it
 * @param inputs         the inputs as JSON, secret values replaced by {@code "[secret]"}
 */
@JsonPropertyOrder({"type", "name", "parent", "provider", "protect", "retainOnDelete", "dependsOn", "aliases",
        "inputs"})
public record PlannedResource(
        String type,
        String name,
        String parent,
        String provider,
        boolean protect,
        boolean retainOnDelete,
        List<String> dependsOn,
        List<String> aliases,
        JsonNode inputs) {

    /** An input by dotted path ({@code spec.template.metadata}); a missing node when absent. */
    public JsonNode input(String path) {
        JsonNode node = inputs;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    public String key() {
        return type + "::" + name;
    }
}
