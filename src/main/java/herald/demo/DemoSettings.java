package herald.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled create the demo owner and workspaces at start-up ({@code HERALD_DEMO_ENABLED}, default true)
 * @param password the demo owner's password ({@code HERALD_DEMO_PASSWORD}); unset means one is generated and printed
 *     once, when the owner is created
 */
@ConfigurationProperties("herald.demo")
record DemoSettings(@DefaultValue("true") boolean enabled, @Nullable String password) {

    boolean passwordConfigured() {
        return password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "DemoSettings[enabled=" + enabled + ", password=" + (passwordConfigured() ? "<set>" : "<generated>")
                + "]";
    }
}
