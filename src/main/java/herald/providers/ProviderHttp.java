package herald.providers;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * What the providers' HTTP clients share. Spring's {@code JdkClientHttpRequestFactory} writes each request body on
 * the client's executor, and a client built without one gets a {@code SimpleAsyncTaskExecutor}, which starts a new
 * platform thread for every request: measurable CPU per published post under a burst (a JFR profile of {@code
 * scripts/bench burst} showed it). Virtual threads cost next to nothing to start.
 */
public final class ProviderHttp {

    /** The executor of every provider's {@code java.net.http.HttpClient} (set with {@code HttpClient.Builder.executor}). */
    public static final Executor EXECUTOR = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("provider-http-", 0).factory());

    private ProviderHttp() {}
}
