package io.kafkarest.gateway.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks Basic credentials against {@link Users}. bcrypt is slow on purpose (~50-100 ms at cost 10), so
 * {@link #verify} blocks and must not run on the event loop; a password it accepted is remembered per user (as a
 * SHA-256 digest) so that {@link #remembered} answers the same client's next requests without rehashing.
 */
public final class PasswordCheck {
    /** bcrypt of a random password: an unknown user costs as much as a wrong password (no user enumeration). */
    private static final String UNKNOWN_USER_HASH =
            BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(10, "no such user".toCharArray());
    /** As htpasswd and the C bcrypt: only the first 72 bytes of a password count. */
    private static final BCrypt.Verifyer BCRYPT =
            BCrypt.verifyer(null, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    private final Users users;
    private final Map<String, byte[]> accepted = new ConcurrentHashMap<>();

    public PasswordCheck(Users users) {
        this.users = users;
    }

    /** Cheap: whether this user's last accepted password is this one. */
    public boolean remembered(String user, String password) {
        byte[] digest = accepted.get(user);
        return digest != null && MessageDigest.isEqual(digest, sha256(user, password));
    }

    /** Blocking (bcrypt): whether the password is the user's; remembered when it is. */
    public boolean verify(String user, String password) {
        String hash = users.hash(user).orElse(null);
        boolean ok = BCRYPT.verify(password.toCharArray(), hash == null ? UNKNOWN_USER_HASH : hash).verified;
        if (ok && hash != null) {
            accepted.put(user, sha256(user, password));
            return true;
        }
        return false;
    }

    private static byte[] sha256(String user, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(user.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
