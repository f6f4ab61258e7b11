package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.connections.ConnectionId;
import herald.providers.AccountType;
import herald.providers.ClientAuthentication;
import herald.providers.ContentRules;
import herald.providers.DiscoveredAccount;
import herald.providers.OAuthSpec;
import herald.providers.SocialProvider;
import herald.providers.TokenGrant;
import herald.publishing.NewPost;
import herald.publishing.PostRejected;
import herald.publishing.Posts;
import herald.vault.Secret;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A platform that counts text its own way, as X does with twitter-text (every link weighs 23): the composer's live
 * counter shows the server's count, which is the count that saving enforces, not the characters a browser sees.
 */
@UiTest
@Import(ComposerWeightedCountTest.WeightedPlatform.class)
class ComposerWeightedCountTest {

    static final Pattern URL = Pattern.compile("https?://\\S+");

    /** Counts like X: code points, with every link as 23. */
    static int weighted(String text) {
        var links = URL.matcher(text);
        int length = text.codePointCount(0, text.length());
        while (links.find()) {
            length += 23 - links.group().codePointCount(0, links.group().length());
        }
        return length;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class WeightedPlatform {
        @Bean
        SocialProvider weightedProvider() {
            return new SocialProvider() {
                public String id() {
                    return "weighted";
                }

                public String displayName() {
                    return "Weighted";
                }

                public List<AccountType> accountTypes() {
                    return List.of(AccountType.PERSONAL);
                }

                public OAuthSpec oauth() {
                    return new OAuthSpec(
                            URI.create("http://localhost/authorize"),
                            URI.create("http://localhost/token"),
                            "weighted",
                            Map.of(),
                            " ",
                            true,
                            ClientAuthentication.BASIC);
                }

                public List<String> missingSettings() {
                    return List.of("HERALD_WEIGHTED_CLIENT_ID");
                }

                public ContentRules contentRules() {
                    return new ContentRules(
                            40, 4, Set.of("image"), 5_000_000, true, ComposerWeightedCountTest::weighted);
                }

                public TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri) {
                    throw new UnsupportedOperationException();
                }

                public List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
                    throw new UnsupportedOperationException();
                }

                public TokenGrant refresh(Secret refreshToken) {
                    throw new UnsupportedOperationException();
                }

                public void revoke(Secret token) {}
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Test
    void theLiveCounterIsThePlatformsOwnCountAndSavingEnforcesTheSame() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        UUID id = UUID.randomUUID();
        fixtures.tenants.run(w, () -> fixtures.jdbc
                .sql(
                        """
                        insert into connections (workspace_id, id, provider, external_id, account_type, label,
                            username, display_name, status, expires_at)
                        values (:w, :id, 'weighted', :external, 'personal', 'frink', 'frink', 'Frink', 'active',
                            now() + interval '2 hours')""")
                .param("w", w.value())
                .param("id", id)
                .param("external", UUID.randomUUID().toString())
                .update());
        // A browser counts the 14-character link as 14; the platform weighs it 23, which only the server knows.
        String text = "Go see: https://a.co/x";
        int browser = text.codePointCount(0, text.length());
        int platform = weighted(text);
        assertThat(browser).isNotEqualTo(platform);

        mvc.perform(get(team.path() + "/compose").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-counting=\"platform\"")));
        mvc.perform(post(team.path() + "/compose/check")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", id.toString())
                        .param("body", text + " and more words"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[0].account").value("Weighted @frink"))
                .andExpect(jsonPath("$.targets[0].length").value(platform + 15))
                .andExpect(jsonPath("$.targets[0].limit").value(40))
                .andExpect(jsonPath("$.targets[0].problems[0]").value((platform + 15 - 40) + " characters too long."));

        assertThatThrownBy(() -> posts.create(
                        w,
                        new NewPost(
                                text + " and more words",
                                null,
                                List.of(),
                                List.of(new NewPost.NewTarget(new ConnectionId(id), null)),
                                null,
                                null,
                                false)))
                .isInstanceOf(PostRejected.class)
                .hasMessageContaining((platform + 15) + " of 40 characters");
    }
}
