package dev.tracestack.rehearse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account Elasticsearch and its tools run as. Elasticsearch refuses to run as root, so a root user's
 * rehearsal runs it as {@code nobody}, or as the account {@value #ACCOUNT_VARIABLE} names; any other user runs
 * it as itself.
 *
 * @param name the account's name, as {@code id} knows it
 * @param uid  its user id
 * @param gid  its primary group id
 * @param switched whether commands must switch to it ({@code setpriv}) or already run as it
 */
record ElasticsearchAccount(String name, int uid, int gid, boolean switched) {

    static final String ACCOUNT_VARIABLE = "TRACESTACK_ELASTICSEARCH_USER";
    private static final String DEFAULT_ACCOUNT = "nobody";

    /** The account for this process's user and environment; fails, naming the way out, when there is none. */
    static ElasticsearchAccount resolve(Map<String, String> environment) {
        int self = Integer.parseInt(id(List.of("-u")).orElseThrow(() -> new RehearsalException("cannot tell this process's user id (id -u)")));
        if (self != 0) {
            return new ElasticsearchAccount(System.getProperty("user.name"), self,
                    Integer.parseInt(id(List.of("-g")).orElseThrow()), false);
        }
        String wanted = environment.getOrDefault(ACCOUNT_VARIABLE, "").isBlank()
                ? DEFAULT_ACCOUNT : environment.get(ACCOUNT_VARIABLE).strip();
        String why = environment.containsKey(ACCOUNT_VARIABLE) && !environment.get(ACCOUNT_VARIABLE).isBlank()
                ? ACCOUNT_VARIABLE + " names it" : "it is the default";
        int uid = Integer.parseInt(id(List.of("-u", wanted)).orElseThrow(() -> new RehearsalException(
                "Elasticsearch refuses to run as root, and there is no account '" + wanted + "' to run it as (" + why
                        + "); create it, or set " + ACCOUNT_VARIABLE + " to an account that exists, or run as a user other than root")));
        if (uid == 0) {
            throw new RehearsalException(ACCOUNT_VARIABLE + "=" + wanted + " is root, and Elasticsearch refuses to run as root;"
                    + " name an account other than root");
        }
        int gid = Integer.parseInt(id(List.of("-g", wanted)).orElseThrow());
        if (id(List.of("--version"), "setpriv").isEmpty()) {
            throw new RehearsalException("Elasticsearch refuses to run as root, and switching to '" + wanted
                    + "' needs setpriv (util-linux), which is not on PATH; install it, or run as a user other than root");
        }
        return new ElasticsearchAccount(wanted, uid, gid, true);
    }

    /** {@code command}, run as this account. */
    List<String> wrap(List<String> command) {
        if (!switched) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    @Override
    public String toString() {
        return name + " (uid " + uid + ")";
    }

    private static Optional<String> id(List<String> args) {
        return id(args, "id");
    }

    private static Optional<String> id(List<String> args, String program) {
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException notInstalled) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException("interrupted");
        }
    }
}
