package herald.content;

import com.twitter.twittertext.TwitterTextParser;
import herald.providers.AccountType;
import herald.providers.ContentRules;
import herald.providers.DiscoveredAccount;
import herald.providers.OAuthSpec;
import herald.providers.SocialProvider;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Platforms for the plain unit tests: their id and content rules as the real providers have them (X counts with
 * twitter-text), nothing else. The Spring tests use the real providers.
 */
final class TestPlatforms {

    private TestPlatforms() {}

    static SocialProvider x() {
        return platform(
                "x",
                "X",
                new ContentRules(280, 4, Set.of("image"), 5_000_000, true, text -> TwitterTextParser.parseTweet(text)
                        .weightedLength));
    }

    static SocialProvider instagram() {
        return platform("instagram", "Instagram", new ContentRules(2_200, 10, Set.of("image"), 8_000_000, false));
    }

    static SocialProvider linkedin() {
        return platform("linkedin", "LinkedIn", new ContentRules(3_000, 20, Set.of("image"), 5_000_000, true));
    }

    static SocialProvider facebook() {
        return platform("facebook", "Facebook", new ContentRules(63_206, 10, Set.of("image"), 4_000_000, true));
    }

    static SocialProvider platform(String id, String name, ContentRules rules) {
        return new SocialProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String displayName() {
                return name;
            }

            @Override
            public List<AccountType> accountTypes() {
                return List.of();
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
            public void revoke(Secret token) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ContentRules contentRules() {
                return rules;
            }
        };
    }

    static Persona persona(Tone tone, List<String> use, List<String> avoid) {
        var now = java.time.Instant.now();
        return new Persona(PersonaId.random(), "Test voice", "", tone, "", use, avoid, true, now, now);
    }
}
