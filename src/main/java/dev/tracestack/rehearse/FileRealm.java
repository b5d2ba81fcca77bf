package dev.tracestack.rehearse;

import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack's Elasticsearch users on a rehearsal node, as ECK's file realm has them on the cluster: the rendered
 * {@code roles.yml}, and each client user with a fresh password and its one role, added with the distribution's
 * own {@code elasticsearch-users}. The node reloads the realm's files by itself; installing waits until every
 * user signs in. Installing another stack's realm replaces this one (the role names are the same).
 */
final class FileRealm {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, String> passwords;

    private FileRealm(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    /** Writes the realm into the node's config directory and waits until every user is accepted. */
    static FileRealm install(ElasticsearchNode node, String rolesYaml) {
        Path conf = node.configDir();
        try {
            Files.writeString(conf.resolve("users"), "");
            Files.writeString(conf.resolve("users_roles"), "");
            Files.writeString(conf.resolve("roles.yml"), rolesYaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the file realm into " + conf, e);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (ElasticsearchUsers.User user : ElasticsearchUsers.all()) {
            String password = HexFormat.of().formatHex(RANDOM.generateSeed(16));
            node.tool("elasticsearch-users", List.of("useradd", user.name(), "-p", password, "-r", user.role()));
            passwords.put(user.name(), password);
        }
        FileRealm realm = new FileRealm(passwords);
        realm.awaitSignIn(node, Duration.ofSeconds(60));
        return realm;
    }

    String password(ElasticsearchUsers.User user) {
        return passwords.get(user.name());
    }

    /** The user's password in a file of its own, as a pod mounts it from the user's Secret. */
    Path passwordFile(ElasticsearchUsers.User user, Path dir) {
        Path file = dir.resolve("es-password-" + user.key());
        RehearsalLayout.write(file, password(user));
        return file;
    }

    /** The realm's files are polled (every 5 s by default): until then a user is unknown. */
    private void awaitSignIn(ElasticsearchNode node, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ElasticsearchUsers.User user : ElasticsearchUsers.all()) {
            while (node.sendAs(user.name(), password(user), "GET", "/_security/_authenticate", null).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new RehearsalException("Elasticsearch did not accept " + user.name() + " from the file realm within "
                            + timeout.toSeconds() + " s");
                }
                ChildProcesses.sleep(Duration.ofMillis(500));
            }
        }
    }
}
