package herald.web.ui;

import herald.publishing.PostId;
import herald.publishing.PostQuery;
import herald.publishing.PostStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The posts list's filters as its request gives them (status, words, account, tag), read the same way by the list and
 * its CSV export: an unknown status or another workspace's account is no filter, words are cut at {@link
 * PostQuery#MAX_TEXT}.
 */
record PostsFilter(@Nullable PostStatus status, String text, @Nullable AccountOption account, String tag) {

    static PostsFilter read(
            @Nullable String status,
            @Nullable String q,
            @Nullable String account,
            @Nullable String tag,
            List<AccountOption> accounts) {
        String text = q == null ? "" : q.strip();
        return new PostsFilter(
                Arrays.stream(PostStatus.values())
                        .filter(s -> s.value().equals(status))
                        .findFirst()
                        .orElse(null),
                text.length() > PostQuery.MAX_TEXT ? text.substring(0, PostQuery.MAX_TEXT) : text,
                AccountOption.find(accounts, account),
                tag == null ? "" : tag.strip());
    }

    /** The posts these filters select, {@code limit} after the position {@code (afterTime, afterId)}. */
    PostQuery query(@Nullable Instant afterTime, @Nullable PostId afterId, int limit) {
        return new PostQuery(
                status,
                account == null ? null : account.connection().id(),
                null,
                null,
                afterTime,
                afterId,
                limit,
                text,
                tag);
    }

    String statusValue() {
        return status == null ? "" : status.value();
    }

    String accountId() {
        return account == null ? "" : account.id();
    }

    /** Whether anything but the status narrows the list. */
    boolean narrowed() {
        return !text.isEmpty() || account != null || !tag.isEmpty();
    }

    /** The list's address under {@code slug} with these filters, for its links. */
    QueryLinks links(String slug) {
        var filters = new LinkedHashMap<String, String>();
        filters.put("status", statusValue());
        filters.put("q", text);
        filters.put("account", accountId());
        filters.put("tag", tag);
        return new QueryLinks("/w/" + slug + "/posts", filters);
    }
}
