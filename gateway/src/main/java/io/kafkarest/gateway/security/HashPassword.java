package io.kafkarest.gateway.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints a users-file line without Apache's htpasswd:
 * {@code echo -n secret | java -cp gateway/target/gateway-*.jar io.kafkarest.gateway.security.HashPassword alice}
 * prints {@code alice:$2y$10$...}. The password is the first line of standard input (typed, it is echoed: use
 * {@code read -rs P; echo "$P" | ...}). An optional second argument is the bcrypt cost (default 10).
 */
public final class HashPassword {
    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || args[0].isEmpty() || args[0].contains(":")) {
            System.err.println("usage: HashPassword USER [COST] < password   (USER without ':', COST 4-31, default 10)");
            System.exit(2);
        }
        int cost = args.length == 2 ? Integer.parseInt(args[1]) : 10;
        String password = readPassword();
        if (password == null || password.isEmpty()) {
            System.err.println("no password on standard input");
            System.exit(2);
        }
        System.out.println(line(args[0], password, cost));
    }

    static String line(String user, String password, int cost) {
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new IllegalArgumentException("bcrypt uses at most 72 bytes of a password");
        }
        return user + ":" + BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(cost, password.toCharArray());
    }

    private static String readPassword() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return in.readLine();
    }
}
