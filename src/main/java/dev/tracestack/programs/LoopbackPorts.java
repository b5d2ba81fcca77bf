package dev.tracestack.programs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free TCP ports on the loopback interface for the programs a command starts. A port is found by
 * binding to port 0 and released at once, so another program could take it before ours does; every
 * port handed out is remembered, so this JVM never hands out the same port twice.
 */
public final class LoopbackPorts {

    public static final String HOST = "127.0.0.1";

    /** Every port handed out in this JVM, so commands running side by side never share one. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    /** A port no other program listens on right now and this JVM has not handed out. */
    public int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                int port = socket.getLocalPort();
                synchronized (HANDED_OUT) {
                    if (HANDED_OUT.add(port)) {
                        return port;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind a port on " + HOST, e);
            }
        }
        throw new IllegalStateException("no free port on " + HOST + " after 100 attempts");
    }

    /**
     * A port free on every loopback address from {@code first} to {@code last} (same first three
     * octets), so that several programs can each listen on it at an address of their own.
     */
    public int nextOnEveryLoopbackAddress(String first, String last) {
        String prefix = first.substring(0, first.lastIndexOf('.') + 1);
        int from = Integer.parseInt(first.substring(prefix.length()));
        int to = Integer.parseInt(last.substring(prefix.length()));
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = next();
            boolean free = true;
            for (int host = from; host <= to && free; host++) {
                try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(prefix + host))) {
                    free = socket.getLocalPort() == port;
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return port;
            }
        }
        throw new IllegalStateException("no port free on " + first + " to " + last + " after 100 attempts");
    }

    /** {@code 127.0.0.1:<a free port>}. */
    public String address() {
        return HOST + ":" + next();
    }
}
