/**
 * Client review links: a workspace shares the posts of a date range (optionally some accounts, one tag) with someone
 * who has no Herald account, through a link whose token is stored only as its SHA-256. The reviewer comments (post
 * notes by a {@code reviewer}) and, when the link allows it, approves or rejects posts awaiting approval through the
 * approval queue. See docs/review-links.md.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "database",
            "audit",
            "tenancy",
            "providers",
            "connections",
            "publishing",
            "assets",
            "agents"
        })
@NullMarked
package herald.reviews;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
