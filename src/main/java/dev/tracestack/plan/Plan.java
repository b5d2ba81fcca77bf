package dev.tracestack.plan;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

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
        return ofType(type).size();
    }

    /** Every artifact the plan writes: the rendered ones and the registered Kubernetes manifests, by path. */
    public Map<String, String> artifacts() {
        Map<String, String> artifacts = new TreeMap<>(rendered.files());
        artifacts.putAll(KubernetesManifests.of(this));
        return artifacts;
    }

    /** The same plan restricted to a component and its descendants, for tests and summaries of one part. */
    public Plan within(String component) {
        Set<String> parents = new HashSet<>(Set.of(component));
        Set<String> keys = new HashSet<>();
        resources.stream().filter(r -> r.name().equals(component) && r.type().startsWith("tracestack:"))
                .forEach(r -> keys.add(r.key()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (PlannedResource r : resources) {
                if (r.parent() != null && parents.contains(r.parent()) && keys.add(r.key())) {
                    parents.add(r.name());
                    grew = true;
                }
            }
        }
        return new Plan(config, resources.stream().filter(r -> keys.contains(r.key())).toList(), outputs, rendered);
    }

    /** Resources whose parent is the named component. */
    public List<PlannedResource> childrenOf(String parent) {
        return resources.stream().filter(r -> parent.equals(r.parent())).toList();
    }
}
