package herald.demo;

import herald.connections.Connection;
import herald.connections.Connections;
import herald.publishing.NewPost;
import herald.publishing.PostQuery;
import herald.publishing.Posts;
import herald.publishing.Provenance;
import herald.publishing.Repeat;
import herald.shared.WorkspaceId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A demo workspace's first posts, so that every page has something to show on a first start: a few published now
 * through the Sandbox (the dispatcher sends them within seconds; their figures are a click away), a few in the posting
 * schedule's next slots (the queue and the calendar), and a draft. Made once, when the workspace has no post yet, and
 * through the publishing module as a person's would be.
 */
@Component
class DemoPosts {

    private static final Logger log = LoggerFactory.getLogger(DemoPosts.class);
    private static final Provenance PROVENANCE = new Provenance(Provenance.Origin.SYSTEM, "system", null, "demo data");

    /**
     * One sample: its text, its tags, when it goes (now, queued, or a draft), its first comment, how it repeats, if at
     * all, and its thread's parts, if any.
     */
    record Sample(
            String text,
            List<String> tags,
            When when,
            @Nullable String firstComment,
            @Nullable Repeat repeat,
            List<String> thread) {

        Sample(String text, List<String> tags, When when) {
            this(text, tags, when, null, null, List.of());
        }

        /** The sample with a first comment under it. */
        Sample commented(String comment) {
            return new Sample(text, tags, when, comment, repeat, thread);
        }

        /** The sample repeating every week. */
        Sample weekly() {
            return new Sample(text, tags, when, firstComment, new Repeat(Repeat.Every.WEEK, null), thread);
        }

        /** The sample going on as a thread with these parts. */
        Sample threaded(String... parts) {
            return new Sample(text, tags, when, firstComment, repeat, List.of(parts));
        }
    }

    enum When {
        NOW,
        QUEUE,
        DRAFT
    }

    private final Posts posts;
    private final Connections connections;

    DemoPosts(Posts posts, Connections connections) {
        this.posts = posts;
        this.connections = connections;
    }

    /** Creates the samples for the workspace's Sandbox account unless it has posts already; how many it made. */
    int furnish(WorkspaceId workspace, DemoWorkspace demo) {
        if (!posts.list(workspace, new PostQuery(null, null, null, null, null, null, 1))
                .isEmpty()) {
            return 0;
        }
        Optional<Connection> account = connections.list(workspace).stream()
                .filter(c -> c.provider().equals(DemoConnections.PROVIDER) && c.active())
                .findFirst();
        if (account.isEmpty()) {
            return 0;
        }
        int made = 0;
        for (Sample sample : demo.samples()) {
            try {
                posts.create(workspace, post(sample, account.get()), PROVENANCE, false);
                made++;
            } catch (RuntimeException e) {
                // A sample the rules refuse (a plan's daily posts used up) leaves the demo usable without it.
                log.warn("A demo post of '{}' was not created: {}", demo.name(), e.getMessage());
            }
        }
        log.info("Demo workspace '{}' has {} sample posts", demo.name(), made);
        return made;
    }

    private static NewPost post(Sample sample, Connection account) {
        @Nullable
        String at =
                switch (sample.when()) {
                    case NOW, DRAFT -> null;
                    case QUEUE -> NewPost.QUEUE;
                };
        return new NewPost(
                sample.text(),
                null,
                List.of(),
                List.of(new NewPost.NewTarget(account.id(), null)),
                at,
                null,
                sample.when() == When.DRAFT,
                sample.tags(),
                null,
                sample.firstComment(),
                sample.repeat(),
                null,
                sample.thread(),
                List.of());
    }
}
