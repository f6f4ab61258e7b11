package herald.providers;

import java.util.Arrays;
import java.util.Locale;

/** What kind of account a connection stands for: a person's profile, a company page, or a product's account. */
public enum AccountType {
    PERSONAL,
    COMPANY,
    PRODUCT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code value} ({@code personal}, {@code company}, {@code product}). */
    public static AccountType of(String value) {
        return Arrays.stream(values())
                .filter(type -> type.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown account type '" + value + "': choose personal, company or product."));
    }
}
