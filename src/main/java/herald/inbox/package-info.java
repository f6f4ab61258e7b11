/**
 * The inbox, as Hootsuite's Inbox and Buffer's Community keep it: the comments other people write under the
 * workspace's published posts, read from each platform that lets Herald read them ({@link
 * herald.providers.ProviderConversations}), listed newest first for the members to answer as the account or mark
 * done. A recurring sweep finds newly published targets itself and reads each often while the post is young, then
 * more and more rarely; nothing runs on the publish path. See docs/inbox.md.
 *
 * <p>The module's API: {@link herald.inbox.Inbox}.
 */
@ApplicationModule(
        allowedDependencies = {"shared", "database", "audit", "publishing", "connections", "providers", "vault"})
@NullMarked
package herald.inbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
