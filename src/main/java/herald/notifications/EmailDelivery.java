package herald.notifications;

import herald.shared.InvalidInput;
import java.util.Locale;

/** How a member's notifications in a workspace reach them by e-mail, besides the bell. */
public enum EmailDelivery {
    IMMEDIATELY("Immediately", "One email for each notification, within seconds of it."),
    DAILY("Daily digest", "One email a day at the hour you choose, with everything since the last one."),
    OFF("Off", "No email: the bell and this page only.");

    private final String label;
    private final String hint;

    EmailDelivery(String label, String hint) {
        this.label = label;
        this.hint = hint;
    }

    /** How the settings form names it. */
    public String label() {
        return label;
    }

    /** What choosing it means, in a sentence. */
    public String hint() {
        return hint;
    }

    /** How rows and forms name it: {@code immediately}, {@code daily}, {@code off}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInput on {@code email} for a name that is not a choice */
    public static EmailDelivery of(String value) {
        for (EmailDelivery delivery : values()) {
            if (delivery.value().equals(value)) {
                return delivery;
            }
        }
        throw new InvalidInput("email", "Choose Immediately, Daily digest or Off, not '" + value + "'.");
    }
}
