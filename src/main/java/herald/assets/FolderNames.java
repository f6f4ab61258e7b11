package herald.assets;

import herald.shared.InvalidInput;

/** The rules for a folder's name: what a person can read and no path syntax. */
final class FolderNames {

    static final int MAX = 100;

    private FolderNames() {}

    static String valid(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInput("name", "Give the folder a name.");
        }
        if (stripped.length() > MAX) {
            throw new InvalidInput("name", "A folder name has at most " + MAX + " characters.");
        }
        if (stripped.contains("/") || stripped.contains("\\")) {
            throw new InvalidInput("name", "A folder name cannot contain '/' or '\\'. Nest folders by moving them.");
        }
        if (stripped.equals(".") || stripped.equals("..")) {
            throw new InvalidInput("name", "'" + stripped + "' is not a folder name.");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("name", "A folder name cannot contain control characters.");
        }
        return stripped;
    }
}
