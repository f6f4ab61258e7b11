package herald.reviews;

import herald.shared.InvalidInput;

/** The person reviewing through a link, as they named themselves (kept in their browser session, not stored). */
public record Reviewer(String name) {

    public static final int MAX_NAME = 60;

    public Reviewer {
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("name", "Give your name in 1 to " + MAX_NAME + " characters.");
        }
    }
}
