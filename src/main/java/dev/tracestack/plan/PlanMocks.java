package dev.tracestack.plan;

import com.pulumi.test.Mocks;
import dev.tracestack.component.RandomPassword;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers the mock engine the way the clouds would, closely enough for the program to run: each
 * resource echoes its inputs plus the outputs the program reads, and data-source lookups return
 * stable, obviously fake values derived from the stack's project.
 */
final class PlanMocks implements Mocks {

    static final String GET_PROJECT = "gcp:organizations/getProject:getProject";
    private final String project;

    PlanMocks(String project) {
        this.project = project;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new HashMap<>(args.inputs);
        if (args.type.equals("gcp:serviceaccount/account:Account")) {
            String email = args.inputs.get("accountId") + "@" + project + ".iam.gserviceaccount.com";
            state.put("email", email);
            state.put("name", "projects/" + project + "/serviceAccounts/" + email);
        }
        if (args.type.equals("gcp:monitoring/notificationChannel:NotificationChannel")) {
            state.put("name", "projects/" + project + "/notificationChannels/" + args.name);
        }
        if (args.type.equals("gcp:monitoring/alertPolicy:AlertPolicy")) {
            state.put("name", "projects/" + project + "/alertPolicies/" + args.name);
        }
        if (args.type.equals(RandomPassword.TYPE)) {
            // Stable per resource, so a plan's password hashes do not change between runs; never a real secret.
            state.put("result", "plan-password-of-" + args.name);
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (args.token.equals(GET_PROJECT)) {
            return CompletableFuture.completedFuture(Map.of(
                    "projectId", project,
                    "number", projectNumber(project),
                    "name", project));
        }
        return CompletableFuture.failedFuture(new IllegalStateException(
                "the offline plan has no answer for " + args.token + "; add one to " + getClass().getSimpleName()));
    }

    /** A 12-digit number derived from the project id, standing in for the real project number. */
    static String projectNumber(String project) {
        long positive = Integer.toUnsignedLong(project.hashCode());
        return String.format("%012d", positive * 97 % 1_000_000_000_000L);
    }
}
