package io.kafkarest.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The users of HTTP Basic authentication, from an htpasswd-style file: one {@code user:hash} a line with a bcrypt
 * hash ({@code $2a$}, {@code $2b$} or {@code $2y$}, as {@code htpasswd -nbB user pass} prints it); blank lines and
 * lines starting with {@code #} are ignored. Any other line stops the gateway from starting, naming the line.
 */
public final class Users {
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private final Map<String, String> hashes;

    private Users(Map<String, String> hashes) {
        this.hashes = Map.copyOf(hashes);
    }

    public static Users load(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users file " + file + ": " + e.getMessage(), e);
        }
    }

    static Users parse(List<String> lines, String source) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String where = source + " line " + (i + 1);
            if (colon <= 0) {
                throw new IllegalArgumentException(where + ": expected user:bcrypt-hash");
            }
            String user = line.substring(0, colon);
            String hash = line.substring(colon + 1);
            if (!BCRYPT.matcher(hash).matches()) {
                throw new IllegalArgumentException(where + ": the hash of user '" + user
                        + "' is not a bcrypt hash ($2a$, $2b$ or $2y$; make one with htpasswd -nB or HashPassword)");
            }
            if (hashes.put(user, hash) != null) {
                throw new IllegalArgumentException(where + ": user '" + user + "' appears twice");
            }
        }
        return new Users(hashes);
    }

    public Optional<String> hash(String user) {
        return Optional.ofNullable(hashes.get(user));
    }

    public int size() {
        return hashes.size();
    }
}
