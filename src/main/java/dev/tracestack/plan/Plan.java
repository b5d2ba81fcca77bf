package dev.tracestack.plan;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What the program would do for one stack: the resources it registers, the stack outputs and the
 * artifacts it renders. Produced offline by {@link PlanEngine}; also the object tests query.
 *
 * @param config    the validated config the plan was made from
 * @param resources every registered resource, sorted by name and type
 * @param outputs   the stack outputs
 * @param rendered  the rendered artifacts
 */
public record Plan(StackConfig config, List<PlannedResource> resources, Map<String, Object> outputs,
                   RenderedStack rendered) {

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public PlannedResource get(String type, String name) {
        return resources.stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + type + " named " + name + " in the plan of "
                        + config.stack() + "; it has " + ofType(type).stream().map(PlannedResource::name).toList()));
    }

    public long count(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).count();
    }

    /** Every artifact the plan writes: the rendered ones and the registered Kubernetes manifests, by path. */
    public Map<String, String> artifacts() {
        Map<String, String> artifacts = new java.util.TreeMap<>(rendered.sortedFiles());
        artifacts.putAll(KubernetesManifests.of(this));
        return artifacts;
    }

    /** Resources whose parent is the named component. */
    public List<PlannedResource> childrenOf(String parent) {
        return resources.stream().filter(r -> parent.equals(r.parent())).toList();
    }
}
