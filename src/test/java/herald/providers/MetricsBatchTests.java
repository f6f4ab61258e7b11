package herald.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.providers.ProviderException.Kind;
import herald.vault.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A platform without a bulk read answers a batch post by post, as the sweep used to ask. */
class MetricsBatchTests {

    /** Answers each post by its id: {@code gone-*} none, {@code limit-*} a rate limit, {@code bad-*} a permission. */
    static final class OneByOne implements SocialProvider {

        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<PostMetrics> metrics(Secret token, String id) {
            asked.add(id);
            if (id.startsWith("gone")) {
                return Optional.empty();
            }
            if (id.startsWith("limit")) {
                throw ProviderException.rateLimited("one", "Slow down.", Duration.ofMinutes(3));
            }
            if (id.startsWith("bad")) {
                throw new ProviderException("one", Kind.PERMISSION, "Not yours.");
            }
            if (id.startsWith("expired")) {
                throw new ProviderException("one", Kind.AUTH_EXPIRED, "Expired.");
            }
            return Optional.of(new PostMetrics(Map.of("likes", 1L), Instant.EPOCH));
        }

        @Override
        public String id() {
            return "one";
        }

        @Override
        public String displayName() {
            return "One";
        }

        @Override
        public List<AccountType> accountTypes() {
            return List.of(AccountType.PERSONAL);
        }

        @Override
        public OAuthSpec oauth() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TokenGrant refresh(Secret refreshToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void revoke(Secret token) {}
    }

    static final Secret TOKEN = Secret.of("t");

    @Test
    void eachPostIsCountedGoneOrRefusedAndARateLimitStopsTheRest() {
        var provider = new OneByOne();

        MetricsBatch batch = provider.metrics(TOKEN, List.of("a", "gone-1", "bad-1", "b", "limit-1", "c"));

        assertThat(batch.counted()).containsOnlyKeys("a", "b");
        assertThat(batch.gone()).containsExactly("gone-1");
        assertThat(batch.refused()).containsOnlyKeys("bad-1", "limit-1", "c");
        assertThat(batch.refused().get("c").kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(provider.asked).as("nothing asked after the rate limit").doesNotContain("c");
        assertThat(provider.countsFollowers()).isFalse();
        assertThat(provider.accountMetrics(TOKEN, "acct")).isEmpty();
    }

    @Test
    void anExpiredTokenIsThrownForTheCallerToRefresh() {
        assertThatThrownBy(() -> new OneByOne().metrics(TOKEN, List.of("a", "expired-1", "b")))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTH_EXPIRED));
    }
}
