package herald.sandbox;

import java.util.UUID;

/** A sandbox account, shown as {@code @handle}. */
public record Account(UUID id, String handle, String displayName) {

    static final String HANDLE = "^[a-z0-9_]{2,30}$";

    static boolean isHandle(String value) {
        return value.matches(HANDLE);
    }

    public String avatarPath() {
        return "/sandbox/@" + handle + "/avatar.svg";
    }
}
