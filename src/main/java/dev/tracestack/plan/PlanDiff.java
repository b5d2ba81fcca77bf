package dev.tracestack.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.cost.CostRenderer;
import dev.tracestack.render.cost.CostTables;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What differs between two stacks' plans, in the order a reviewer asks: settings, resources present in
 * only one stack, changed inputs of shared resources, then artifacts as unified diffs.
 */
public final class PlanDiff {

    /** Beyond this many changed inputs a resource's list is cut, so one big change does not bury the rest. */
    static final int MAX_INPUT_LINES_PER_RESOURCE = 25;
    private static final int MAX_VALUE_LENGTH = 100;

    private PlanDiff() {
    }

    public static void print(Plan a, Plan b, PrintStream to) {
        String left = a.config().stack();
        String right = b.config().stack();
        to.printf("--- %s%n+++ %s%n", left, right);

        to.println("\nsettings:");
        Map<String, String> settingsA = settings(a);
        Map<String, String> settingsB = settings(b);
        List<String> settingLines = changes(settingsA, settingsB, Integer.MAX_VALUE);
        settingLines.forEach(line -> to.println("  " + line));
        if (settingLines.isEmpty()) {
            to.println("  (same)");
        }

        to.println("\ncost (a month):");
        CostTables.planDiff(a.config(), b.config(), to);

        Map<String, PlannedResource> byKeyA = index(a.resources());
        Map<String, PlannedResource> byKeyB = index(b.resources());
        printOnlyIn(left, byKeyA, byKeyB, to);
        printOnlyIn(right, byKeyB, byKeyA, to);

        to.println("\nchanged inputs:");
        int changed = 0;
        for (String key : byKeyA.keySet()) {
            PlannedResource ra = byKeyA.get(key);
            PlannedResource rb = byKeyB.get(key);
            if (rb == null) {
                continue;
            }
            List<String> lines = changes(flatten(ra.inputs()), flatten(rb.inputs()), MAX_INPUT_LINES_PER_RESOURCE);
            if (ra.protect() != rb.protect()) {
                lines.add(0, "(option) protect: " + ra.protect() + " -> " + rb.protect());
            }
            if (ra.retainOnDelete() != rb.retainOnDelete()) {
                lines.add(0, "(option) retainOnDelete: " + ra.retainOnDelete() + " -> " + rb.retainOnDelete());
            }
            if (!lines.isEmpty()) {
                changed++;
                to.printf("  %s (%s)%n", ra.name(), ra.type());
                lines.forEach(line -> to.println("    " + line));
            }
        }
        if (changed == 0) {
            to.println("  (none)");
        }

        to.println("\nartifacts:");
        Set<String> paths = new TreeSet<>(a.rendered().files().keySet());
        paths.addAll(b.rendered().files().keySet());
        // The effective config and the estimate are already compared above, setting by setting and item by item.
        paths.remove(RenderedStack.CONFIG_ARTIFACT);
        paths.remove(CostRenderer.ARTIFACT);
        for (String path : paths) {
            List<String> before = lines(a.rendered().files().get(path));
            List<String> after = lines(b.rendered().files().get(path));
            var patch = DiffUtils.diff(before, after);
            if (!patch.getDeltas().isEmpty()) {
                UnifiedDiffUtils.generateUnifiedDiff(left + "/" + path, right + "/" + path, before, patch, 2)
                        .forEach(line -> to.println("  " + line));
            }
        }
    }

    /** The effective config; the stack name and file are already in the header. */
    private static Map<String, String> settings(Plan plan) {
        Map<String, String> settings = flatten(Artifacts.JSON.valueToTree(plan.config()));
        settings.remove("stack");
        settings.remove("file");
        return settings;
    }

    private static void printOnlyIn(String stack, Map<String, PlannedResource> mine,
                                    Map<String, PlannedResource> theirs, PrintStream to) {
        to.printf("%nonly in %s:%n", stack);
        List<PlannedResource> only = mine.values().stream().filter(r -> !theirs.containsKey(r.key())).toList();
        only.forEach(r -> to.printf("  %s (%s)%n", r.name(), r.type()));
        if (only.isEmpty()) {
            to.println("  (none)");
        }
    }

    private static Map<String, PlannedResource> index(List<PlannedResource> resources) {
        return resources.stream().collect(Collectors.toMap(PlannedResource::key, Function.identity(),
                (x, y) -> x, TreeMap::new));
    }

    private static List<String> changes(Map<String, String> a, Map<String, String> b, int limit) {
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<String> lines = new ArrayList<>();
        int total = 0;
        for (String path : paths) {
            String va = a.get(path);
            String vb = b.get(path);
            if (va != null && va.equals(vb)) {
                continue;
            }
            total++;
            if (lines.size() < limit) {
                lines.add(path + ": " + show(va) + " -> " + show(vb));
            }
        }
        if (total > lines.size()) {
            lines.add("... and " + (total - lines.size()) + " more");
        }
        return lines;
    }

    private static String show(String value) {
        if (value == null) {
            return "(absent)";
        }
        if (value.contains("\n")) {
            return "(" + value.lines().count() + " lines of text; see the artifact diffs)";
        }
        return value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) + "..." : value;
    }

    /** Leaf values by dotted path; list items by index. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node.isTextual() ? node.asText() : node.toString());
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }
}
