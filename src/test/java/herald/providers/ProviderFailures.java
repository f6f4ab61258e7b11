package herald.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import herald.providers.ProviderException.Kind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** How the providers' tests check a failure: one of Herald's kinds, saying why, raised by the right provider. */
public final class ProviderFailures {

    private ProviderFailures() {}

    /** {@code call} fails as {@code provider} with {@code kind} and a message containing {@code messagePart}. */
    public static ProviderException assertKind(ThrowingCallable call, String provider, Kind kind, String messagePart) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ProviderException.class);
        ProviderException e = (ProviderException) thrown;
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(messagePart);
        assertThat(e.provider()).isEqualTo(provider);
        return e;
    }
}
