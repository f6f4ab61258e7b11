package herald.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Bearer keys Herald hands out (members' API keys, agents' keys): {@code <start><prefix>_<secret>}. The prefix is kept
 * in the clear so a person can tell keys apart; the whole token only as its SHA-256, which is enough for a random
 * 238-bit secret (no slow hash needed: nobody can guess it).
 */
public final class KeyTokens {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new token and its displayable prefix.
     *
     * @param prefix {@code start} and 8 random characters, shown in key lists
     * @param token the whole token, shown once to its holder and never stored
     */
    public record Minted(String prefix, String token) {

        @Override
        public String toString() {
            return "Minted[prefix=" + prefix + ", token=…]";
        }
    }

    private KeyTokens() {}

    /** A fresh token starting with {@code start} (e.g. {@code hk_}): an 8-character prefix and a 40-character secret. */
    public static Minted mint(String start) {
        String prefix = start + random(8);
        return new Minted(prefix, prefix + "_" + random(40));
    }

    /** The SHA-256 of a token, the only form in which tokens are stored and looked up. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
