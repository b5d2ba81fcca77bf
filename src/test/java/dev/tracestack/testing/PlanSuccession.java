package dev.tracestack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.plan.PlannedResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the engine would carry a recorded plan's resources over to a new plan: each recorded resource goes to
 * the new resource of the same type that has its name, or that names it among its aliases. What has no such
 * successor, changed type, or changed an input the provider cannot update in place would be replaced.
 */
public final class PlanSuccession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<PlannedResource> before;
    private final List<PlannedResource> after;
    private final Map<PlannedResource, PlannedResource> successors = new LinkedHashMap<>();
    private final Map<String, Set<String>> newNames = new LinkedHashMap<>();

    private PlanSuccession(List<PlannedResource> before, List<PlannedResource> after) {
        this.before = before;
        this.after = after;
        for (PlannedResource old : before) {
            successor(old).ifPresent(next -> {
                successors.put(old, next);
                newNames.computeIfAbsent(old.name(), n -> new TreeSet<>()).add(next.name());
            });
        }
    }

    /** Matches a recorded plan ({@code resources.json}) to the resources a program registers now. */
    public static PlanSuccession of(Path recorded, List<PlannedResource> now) {
        try {
            List<PlannedResource> before = List.of(JSON.readValue(recorded.toFile(), PlannedResource[].class));
            // Read back as the recorded file was, so that equal numbers compare equal whatever node type held them.
            List<PlannedResource> after = List.of(JSON.readValue(JSON.writeValueAsString(now), PlannedResource[].class));
            return new PlanSuccession(before, after);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recorded, e);
        }
    }

    /** Every recorded resource the engine would delete and create again, and why. */
    public List<String> replacements() {
        List<String> replaced = new ArrayList<>();
        for (PlannedResource old : before) {
            if (!ReplaceOnChange.knows(old.type())) {
                replaced.add(old.key() + ": type not classified in ReplaceOnChange, cannot tell what replaces it");
                continue;
            }
            PlannedResource next = successors.get(old);
            if (next == null) {
                boolean retyped = after.stream().anyMatch(r -> r.name().equals(old.name()));
                replaced.add(old.key() + (retyped ? ": its name now has another type"
                        : ": no resource of its type has that name or an alias to it"));
                continue;
            }
            for (String path : ReplaceOnChange.paths(old.type())) {
                if (path.equals(ReplaceOnChange.EVERY_INPUT) ? !old.inputs().equals(next.inputs())
                        : !old.input(path).equals(next.input(path))) {
                    replaced.add(old.key() + ": " + path + " changed (" + (path.equals(ReplaceOnChange.EVERY_INPUT)
                            ? "any input replaces it" : old.input(path) + " -> " + next.input(path)) + ")");
                }
            }
        }
        return replaced;
    }

    /** Everything else that differs: inputs, options, parent, provider, dependencies, resources added. */
    public List<String> changes() {
        List<String> changes = new ArrayList<>();
        successors.forEach((old, next) -> {
            String at = old.key() + (old.name().equals(next.name()) ? "" : " (now " + next.name() + ")");
            if (!old.inputs().equals(next.inputs())) {
                changes.add(at + ": inputs changed");
            }
            if (old.protect() != next.protect() || old.retainOnDelete() != next.retainOnDelete()) {
                changes.add(at + ": protect/retainOnDelete changed");
            }
            if (!renamed(old.parent()).contains(String.valueOf(next.parent()))) {
                changes.add(at + ": parent " + old.parent() + " -> " + next.parent());
            }
            if (!String.valueOf(old.provider()).equals(String.valueOf(next.provider()))) {
                changes.add(at + ": provider " + old.provider() + " -> " + next.provider());
            }
            // The plan records dependencies by name only, and one old name may now be several (one per type):
            // every old dependency is still waited for, and nothing else is.
            Set<String> allowed = new TreeSet<>();
            old.dependsOn().forEach(d -> allowed.addAll(renamed(d)));
            boolean same = allowed.containsAll(next.dependsOn())
                    && old.dependsOn().stream().allMatch(d -> renamed(d).stream().anyMatch(next.dependsOn()::contains));
            if (!same) {
                changes.add(at + ": dependsOn " + old.dependsOn() + " -> " + next.dependsOn());
            }
        });
        Set<PlannedResource> carried = new HashSet<>(successors.values());
        after.stream().filter(r -> !carried.contains(r)).forEach(r -> changes.add(r.key() + ": new"));
        return changes;
    }

    /** Old name to new name of every resource that was renamed. */
    public Map<String, String> renames() {
        Map<String, String> renames = new LinkedHashMap<>();
        successors.forEach((old, next) -> {
            if (!old.name().equals(next.name())) {
                renames.put(old.key(), next.name());
            }
        });
        return renames;
    }

    /** The renamed resources whose new name is not {@code <parent>-<role>}, or that lost the alias. */
    public List<String> unconventionalRenames() {
        List<String> wrong = new ArrayList<>();
        successors.forEach((old, next) -> {
            if (old.name().equals(next.name())) {
                return;
            }
            if (next.parent() == null || !next.name().startsWith(next.parent() + "-")) {
                wrong.add(next.key() + " is not named <parent>-<role> (parent " + next.parent() + ")");
            }
            if (!next.aliases().contains(old.name())) {
                wrong.add(next.key() + " has no alias to " + old.name());
            }
        });
        return wrong;
    }

    private Optional<PlannedResource> successor(PlannedResource old) {
        Optional<PlannedResource> same = after.stream()
                .filter(r -> r.type().equals(old.type()) && r.name().equals(old.name())).findFirst();
        return same.isPresent() ? same : after.stream()
                .filter(r -> r.type().equals(old.type()) && r.aliases().contains(old.name())).findFirst();
    }

    /** The names a recorded name goes by now: itself unless renamed ({@code "null"} for no parent). */
    private Set<String> renamed(String name) {
        return newNames.getOrDefault(String.valueOf(name), Set.of(String.valueOf(name)));
    }
}
