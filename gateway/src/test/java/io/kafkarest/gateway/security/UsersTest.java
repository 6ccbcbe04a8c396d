package io.kafkarest.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsersTest {
    // the shape `htpasswd -nbB` prints (Apache uses $2y$); the hash is only parsed here, not checked
    private static final String HTPASSWD_LINE = "alice:$2y$05$A0YbJ1d3.yY5hzQBXeBRmOdzFt1gnTBZwjvSjp4/1U2O9L1DULVk6";

    @Test
    void readsHtpasswdLinesAndSkipsCommentsAndBlankLines() {
        Users users = Users.parse(List.of("# users", "", "  " + HTPASSWD_LINE + "  ",
                HashPassword.line("bob", "pw", 4).replace("$2y$", "$2b$")), "users");
        assertEquals(2, users.size());
        assertTrue(users.hash("alice").isPresent());
        assertFalse(users.hash("carol").isPresent());
    }

    @Test
    void rejectsNonBcryptLinesNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Users.parse(List.of("# x", "carol:{SHA}abc"), "f"));
        assertTrue(e.getMessage().startsWith("f line 2: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Users.parse(List.of("no-colon"), "f"));
        assertThrows(IllegalArgumentException.class,
                () -> Users.parse(List.of(HTPASSWD_LINE, HTPASSWD_LINE), "f"));
    }

    @Test
    void checksPasswordsOfEveryBcryptVersionAndRemembersAcceptedOnes() {
        PasswordCheck check = new PasswordCheck(Users.parse(List.of(
                HashPassword.line("y", "pw-y", 4),
                HashPassword.line("a", "pw-a", 4).replace("$2y$", "$2a$"),
                HashPassword.line("b", "pw-b", 4).replace("$2y$", "$2b$")), "f"));
        assertFalse(check.remembered("y", "pw-y"));
        assertTrue(check.verify("y", "pw-y"));
        assertTrue(check.remembered("y", "pw-y"));
        assertFalse(check.remembered("y", "pw-y2"));
        assertTrue(check.verify("a", "pw-a"));
        assertTrue(check.verify("b", "pw-b"));
        assertFalse(check.verify("b", "pw-a"));
        assertFalse(check.verify("nobody", "pw-a"));
        assertFalse(check.remembered("nobody", "pw-a"));
    }

    @Test
    void hashPasswordRefusesPasswordsLongerThanBcryptReads() {
        assertThrows(IllegalArgumentException.class, () -> HashPassword.line("u", "x".repeat(73), 4));
        assertTrue(HashPassword.line("u", "x".repeat(72), 4).startsWith("u:$2y$04$"));
    }
}
