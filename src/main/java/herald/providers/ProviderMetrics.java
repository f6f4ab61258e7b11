package herald.providers;

import herald.vault.Secret;
import java.util.List;
import java.util.Optional;

/**
 * What a platform counts, as a {@link SocialProvider} reads it: a post's figures (one, or several in a call where the
 * platform can) and an account's followers. The defaults read nothing: a platform that offers no counts stays silent.
 * Like every call of a provider, these may throw {@link ProviderException} only, and never run inside a database
 * transaction.
 */
public interface ProviderMetrics {

    /** The platform's counts for one of the account's posts, or empty when the platform offers none. */
    default Optional<PostMetrics> metrics(Secret token, String platformPostId) {
        return Optional.empty();
    }

    /**
     * The counts of several of the account's posts: {@link #metrics(Secret, String)} for each by default; a platform
     * that reads many posts in one call overrides it. A token the platform refuses as expired ({@code AUTH_EXPIRED})
     * is thrown, so that the caller refreshes it and asks again for them all; any other refusal is that post's, except
     * a rate limit, which is every post's from there on: the platform said stop.
     */
    default MetricsBatch metrics(Secret token, List<String> platformPostIds) {
        var batch = new MetricsBatch.Builder();
        for (int i = 0; i < platformPostIds.size(); i++) {
            String id = platformPostIds.get(i);
            try {
                metrics(token, id).ifPresentOrElse(counted -> batch.counted(id, counted), () -> batch.gone(id));
            } catch (ProviderException e) {
                if (e.kind() == ProviderException.Kind.AUTH_EXPIRED) {
                    throw e;
                }
                if (e.kind() == ProviderException.Kind.RATE_LIMITED) {
                    batch.refused(platformPostIds.subList(i, platformPostIds.size()), e);
                    break;
                }
                batch.refused(List.of(id), e);
            }
        }
        return batch.build();
    }

    /**
     * Whether the platform tells Herald how many follow an account ({@link #accountMetrics}). False where it does not,
     * so that no token is opened for nothing.
     */
    default boolean countsFollowers() {
        return false;
    }

    /**
     * The account's own counts (followers, and following and posts where the platform says), or empty when the
     * platform gives none for it.
     *
     * @param accountId the platform's id of the account, as discovered ({@link DiscoveredAccount#externalId()})
     */
    default Optional<AccountMetrics> accountMetrics(Secret token, String accountId) {
        return Optional.empty();
    }
}
