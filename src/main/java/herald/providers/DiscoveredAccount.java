package herald.providers;

import org.jspecify.annotations.Nullable;

/**
 * One account a consent granted, with the tokens Herald uses to act as it (a Facebook Page's own token, a Sandbox
 * account's token family; for platforms with one token per consent, the user's tokens).
 *
 * @param externalId the platform's stable id of the account
 * @param username the handle, without '@'
 */
public record DiscoveredAccount(
        String externalId,
        AccountType accountType,
        String username,
        String displayName,
        @Nullable String avatarUrl,
        TokenGrant tokens) {}
