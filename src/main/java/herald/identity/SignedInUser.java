package herald.identity;

import herald.shared.UserId;
import java.io.Serializable;

/** The principal of a browser session: small and serializable, since sessions live in Postgres. */
public record SignedInUser(UserId id, String email, String displayName) implements Serializable {

    @Override
    public String toString() {
        return email;
    }
}
