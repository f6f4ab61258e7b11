package herald.connections;

import java.util.Locale;

/** Where a connect started, which decides how its callback ends: the UI's popup, or a page for an API client. */
public enum ConnectFlow {
    UI,
    API;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
