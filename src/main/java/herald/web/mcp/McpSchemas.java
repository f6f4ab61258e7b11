package herald.web.mcp;

/** The tools' input schemas (JSON Schema), written out so an LLM reads exactly what each argument means. */
final class McpSchemas {

    private McpSchemas() {}

    static final String NO_ARGUMENTS =
            """
            {"type": "object", "properties": {}, "additionalProperties": false}""";

    static final String CREATE_POST =
            """
            {
              "type": "object",
              "properties": {
                "content": {"type": "string", "maxLength": 10000,
                  "description": "The text of the post. Each platform's own limit applies (X: 280 weighted characters). Leave it out only when variants give every account its own content."},
                "platforms": {"type": "array", "maxItems": 20,
                  "items": {"type": "string", "enum": ["x", "bluesky", "mastodon", "facebook", "instagram", "linkedin", "sandbox"]},
                  "description": "Post to every account of these platforms that you were granted. Give this or connectionIds."},
                "connectionIds": {"type": "array", "maxItems": 20, "items": {"type": "string", "format": "uuid"},
                  "description": "Post to exactly these accounts: connectionId values from list_accounts."},
                "mediaIds": {"type": "array", "maxItems": 20, "items": {"type": "string", "format": "uuid"},
                  "description": "Images or videos to attach: ids from list_assets."},
                "scheduleAt": {"type": "string",
                  "description": "When to publish: an ISO-8601 instant with offset (2026-03-29T09:00:00+02:00 or ...Z), or a local date-time (2026-03-29T09:00) read in 'timezone', or 'queue' for the next free slot of the workspace's posting schedule on that account. Leave out to publish now."},
                "timezone": {"type": "string", "description": "IANA time zone for a local scheduleAt, e.g. Europe/Berlin."},
                "waitSeconds": {"type": "integer", "minimum": 0, "maximum": 10,
                  "description": "Wait up to this many seconds for posts due now to be published, to get their URLs."},
                "tags": {"type": "array", "maxItems": 10, "items": {"type": "string", "minLength": 1, "maxLength": 40, "pattern": "^[^,]+$"},
                  "description": "The workspace's labels for the post (a campaign, a content pillar), to find and filter posts by. Never published."},
                "firstComment": {"type": "string", "maxLength": 10000,
                  "description": "A comment Herald writes under the post on each account once the post is published: the hashtags, a link or the credits you want kept out of the post itself. On X it is a reply to the post. It is checked when the post is created against each account's platform: where the platform takes no comments, or the comment is longer than its limit for comments, that account's result is invalid_content (the detail names field firstComment) and it gets no post, while the other accounts get theirs. get_post shows the comment's status on each account (waiting, posting, posted, failed, unknown, skipped). Leave out for no comment."},
                "tagLinks": {"type": "boolean",
                  "description": "Whether the http(s) links in the post get the workspace's UTM parameters (utm_source, utm_medium, ...) when it is published, so the company's web analytics can tell which account a visit came from. true: tag them; false: publish the links exactly as written; leave out to follow the workspace's own link tagging setting (usually right)."},
                "thread": {"type": "array", "maxItems": 24, "items": {"type": "string", "maxLength": 10000},
                  "description": "Parts that follow content as a thread on accounts whose platform has threads (X, Bluesky): each is published right after the post, as a reply to the part before, and checked as a post of its own (X: 280 weighted characters each). Other platforms get the post alone. An account with a thread takes no firstComment: make it the last part. get_post shows each part's status on each account."},
                "threadMediaIds": {"type": "array", "maxItems": 24, "items": {"type": "array", "maxItems": 10, "items": {"type": "string", "format": "uuid"}},
                  "description": "Each thread part's media (asset ids from list_assets), side by side with thread: [[], [id]] gives the second part one image. A part may be media alone (its text empty). Checked as a post's media on each account with a thread (X: up to 4 images or 1 video)."},
                "language": {"type": "string", "maxLength": 35,
                  "description": "The language the post is written in, a BCP 47 tag such as en, de or pt-BR. Bluesky and Mastodon are told it, so readers who follow feeds of a language see the post and translations are offered rightly. Leave out when the post is in the workspace's usual language (its setting applies)."},
                "shortenLinks": {"type": "boolean",
                  "description": "Whether the http(s) links in the post are published as short links on Herald's address that count clicks (not on Instagram), so the company can see what each post brought (get_post_figures answers clicks). true: shorten them; false: publish the links as written; leave out to follow the workspace's own setting (usually right)."},
                "variants": {"type": "array", "maxItems": 20,
                  "items": {"type": "object",
                    "properties": {
                      "platform": {"type": "string", "enum": ["x", "bluesky", "mastodon", "facebook", "instagram", "linkedin", "sandbox"],
                        "description": "Every account of this platform the post goes to. Give this or connectionId."},
                      "connectionId": {"type": "string", "format": "uuid",
                        "description": "One account the post goes to (a connectionId from list_accounts). Give this or platform."},
                      "content": {"type": "string", "maxLength": 10000, "description": "Its own text, in place of content."},
                      "firstComment": {"type": "string", "maxLength": 10000, "description": "Its own first comment, in place of firstComment."},
                      "format": {"type": "string", "enum": ["post", "story"], "description": "story: the post's one image or video as a story on these accounts (instagram, sandbox), with no text or first comment; post (the default) otherwise."},
                      "noFirstComment": {"type": "boolean", "description": "true: these accounts get no first comment although the post has one (e.g. the Instagram hashtags kept off LinkedIn)."}
                    },
                    "additionalProperties": false},
                  "description": "Give a platform or an account its own text or first comment, e.g. a short text for X (280 weighted characters) and a longer one for LinkedIn (3,000). Each variant names a platform or an account the post goes to, at most once, and gives content, firstComment or both; what it leaves out is the post's content or firstComment. An account's own variant counts over its platform's. Each account's platform checks the text it gets; a refusal names the variant's field, e.g. variants[0].content."},
                "repeat": {"type": "object",
                  "properties": {
                    "every": {"type": "string", "enum": ["day", "week", "two_weeks", "four_weeks", "month"]},
                    "until": {"type": "string", "format": "date", "description": "The last local day a post of the series may fall on; leave out for no end."}
                  },
                  "required": ["every"],
                  "additionalProperties": false,
                  "description": "Make each account's post repeat at the same local time, e.g. a weekly special: once a post's time comes, Herald makes the next, which is yours like the first (listed by list_posts, counted against your daily cap on the day it is made, held for approval where the account's grant says so). Needs POST_SCHEDULE on each account. The series ends once you are paused or lose the grant; get_post shows its state. Leave out for a single post."},
                "idempotencyKey": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$",
                  "description": "A new key of your choosing (a UUID) for each new post. If the call times out or its answer is lost, call again with the same key and arguments: the post is created at most once and you get the first call's result (replayed: true; use get_post for its current status). The same key with other arguments is refused. Kept 24 hours."}
              },
              "additionalProperties": false
            }""";

    static final String GENERATE_CAPTIONS =
            """
            {
              "type": "object",
              "properties": {
                "connectionId": {"type": "string", "format": "uuid",
                  "description": "The granted account the captions are for (from list_accounts); its platform's rules apply."},
                "itemName": {"type": "string", "maxLength": 200, "description": "What the post is about: a dish, a product, an event."},
                "itemDescription": {"type": "string", "maxLength": 2000, "description": "More about it."},
                "context": {"type": "string", "maxLength": 1000, "description": "An occasion, an offer, a date."},
                "tone": {"type": "string", "enum": ["professional", "casual", "humorous", "promotional", "educational"],
                  "description": "Leave out to use the persona's tone."},
                "personaId": {"type": "string", "format": "uuid", "description": "A persona of the company; its default when left out."},
                "postType": {"type": "string",
                  "enum": ["promotional", "product_showcase", "weekend_driver", "engagement_poll", "customer_appreciation"],
                  "description": "Leave out for a general post."},
                "variants": {"type": "integer", "minimum": 1, "maximum": 5, "description": "How many different captions (default 1)."},
                "mode": {"type": "string", "enum": ["auto", "ai", "template"],
                  "description": "auto (AI when the company has it, else templates), ai, or template. Default auto."}
              },
              "required": ["connectionId"],
              "additionalProperties": false
            }""";

    static final String GET_POST =
            """
            {
              "type": "object",
              "properties": {
                "postId": {"type": "string", "format": "uuid", "description": "A postId from create_post or list_posts."}
              },
              "required": ["postId"],
              "additionalProperties": false
            }""";

    static final String REPEAT_DAY =
            """
            {
              "type": "object",
              "properties": {
                "postId": {"type": "string", "format": "uuid", "description": "Any post of the series, from create_post or list_posts."},
                "date": {"type": "string", "format": "date", "description": "A local day of the series, e.g. 2026-12-24."}
              },
              "required": ["postId", "date"],
              "additionalProperties": false
            }""";

    static final String LIST_POSTS =
            """
            {
              "type": "object",
              "properties": {
                "connectionId": {"type": "string", "format": "uuid",
                  "description": "List every post of this account instead of only yours (needs POST_READ on it)."},
                "limit": {"type": "integer", "minimum": 1, "maximum": 200, "description": "How many, newest first (default 20)."},
                "cursor": {"type": "string", "description": "The nextCursor of the previous call, for the next page."}
              },
              "additionalProperties": false
            }""";

    static final String LIST_ASSETS =
            """
            {
              "type": "object",
              "properties": {
                "text": {"type": "string", "description": "Part of a file name, alt text or description."},
                "type": {"type": "string", "enum": ["image", "video", "jpeg", "png", "gif", "webp", "mp4", "mov"]},
                "limit": {"type": "integer", "minimum": 1, "maximum": 100, "description": "How many, newest first (default 50)."}
              },
              "additionalProperties": false
            }""";

    static final String LIST_COMMENTS =
            """
            {
              "type": "object",
              "properties": {
                "connectionId": {"type": "string", "format": "uuid",
                  "description": "The granted account whose posts' comments to list (from list_accounts; needs COMMENT_READ on it)."},
                "status": {"type": "string", "enum": ["open", "done", "all"],
                  "description": "open (the default): not answered and not marked done by a person; done: answered or marked done; all."},
                "limit": {"type": "integer", "minimum": 1, "maximum": 100, "description": "How many, newest first (default 20)."},
                "cursor": {"type": "string", "description": "The nextCursor of the previous call, for the next page."}
              },
              "required": ["connectionId"],
              "additionalProperties": false
            }""";

    static final String ANSWER_COMMENT =
            """
            {
              "type": "object",
              "properties": {
                "commentId": {"type": "string", "format": "uuid", "description": "The id of a comment from list_comments."},
                "text": {"type": "string", "minLength": 1, "maxLength": 5000,
                  "description": "The answer, posted publicly as the account under the same post. The platform's own limit for a comment applies (it may be shorter than 5000)."}
              },
              "required": ["commentId", "text"],
              "additionalProperties": false
            }""";

    static final String MARK_COMMENT_DONE =
            """
            {
              "type": "object",
              "properties": {
                "commentId": {"type": "string", "format": "uuid", "description": "The id of a comment from list_comments."},
                "done": {"type": "boolean", "default": true,
                  "description": "true (the default): the comment needs no answer and leaves the open ones; false: open it again."}
              },
              "required": ["commentId"],
              "additionalProperties": false
            }""";

    /** A Jackson error as a sentence for the agent: which argument, and what was wrong, without Java's insides. */
    static String explain(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        var unknown = java.util.regex.Pattern.compile("Unrecognized property \"([^\"]+)\"")
                .matcher(message);
        if (unknown.find()) {
            return "unknown argument '" + unknown.group(1) + "'.";
        }
        var path = java.util.regex.Pattern.compile("\\[\"([^\"]+)\"\\]").matcher(message);
        String field = path.find() ? "argument '" + path.group(1) + "'" : "an argument";
        return field
                + " has the wrong type or format (ids are UUIDs, lists are arrays of strings, numbers are integers).";
    }
}
