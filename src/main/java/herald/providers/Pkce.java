package herald.providers;

import herald.vault.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Proof Key for Code Exchange (RFC 7636) with the S256 method, the only one Herald sends. */
public final class Pkce {

    private static final SecureRandom random = new SecureRandom();
    private static final Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {}

    /** A fresh verifier: 32 random bytes, base64url (43 characters, within RFC 7636's 43..128). */
    public static Secret verifier() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Secret.of(base64url.encodeToString(bytes));
    }

    /** {@code BASE64URL(SHA256(verifier))}. */
    public static String challenge(Secret verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(verifier.reveal().getBytes(StandardCharsets.US_ASCII));
            return base64url.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
