package herald.web.api.posts;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.providers.PostFormat;
import herald.publishing.NewPost;
import herald.publishing.PostChanges;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The request bodies of the posts API. */
final class PostRequests {

    private PostRequests() {}

    @Schema(name = "PostTargetRequest")
    record TargetRequest(
            @NotNull UUID connectionId,
            @Schema(description = "This platform's own text; the post's body when absent.", nullable = true)
                    @Nullable
                    @Size(max = 10000)
                    String body,
            @Schema(
                            description = "This account's own first comment, in place of the post's firstComment;"
                                    + " the post's when absent or blank.",
                            nullable = true)
                    @Nullable
                    @Size(max = 10000)
                    String firstComment,
            @Schema(
                            description = "post (the default) or story: the post's one image or video as a story, with"
                                    + " no text, link or first comment, on a platform that takes stories (Instagram,"
                                    + " the Sandbox); gone from the profile after 24 hours.",
                            allowableValues = {"post", "story"},
                            nullable = true)
                    @Nullable
                    String format,
            @Schema(
                            description = "true: this account gets no first comment although the post has one (the"
                                    + " hashtags of an Instagram comment kept off LinkedIn); its own firstComment is"
                                    + " then ignored. Absent or false: it gets its own, or the post's.",
                            nullable = true)
                    @Nullable
                    Boolean noFirstComment) {

        NewPost.NewTarget toTarget() {
            PostFormat asked;
            try {
                asked = PostFormat.of(format);
            } catch (IllegalArgumentException e) {
                throw new herald.shared.InvalidInput("targets.format", "A target's format is post or story.");
            }
            return new NewPost.NewTarget(
                    new ConnectionId(connectionId), body, firstComment, asked, Boolean.TRUE.equals(noFirstComment));
        }
    }

    @Schema(name = "PostRepeat")
    record RepeatRequest(
            @Schema(
                            description = "day, week, two_weeks, four_weeks or month; \"never\" (or null) in an edit"
                                    + " stops it repeating.",
                            example = "week",
                            nullable = true)
                    @Nullable
                    String every,
            @Schema(description = "The last local day an occurrence may fall on; null: no end.", nullable = true)
                    @Nullable
                    LocalDate until) {

        herald.publishing.Repeat toRepeat() {
            if (every == null || every.isBlank() || "never".equalsIgnoreCase(every.strip())) {
                return herald.publishing.Repeat.NEVER;
            }
            return new herald.publishing.Repeat(herald.publishing.Repeat.Every.of(every), until);
        }
    }

    @Schema(name = "NewPost")
    record Create(
            @Nullable @Size(max = 10000) String body,
            @Nullable @Size(max = 2000) String link,
            @Nullable @Size(max = 20) List<UUID> mediaIds,
            @Nullable @Size(max = 50) List<@Valid TargetRequest> targets,
            @Schema(
                            description = "Absent: publish now. A local date-time (2026-03-29T09:00) read in timezone,"
                                    + " or an instant with an offset. A local time skipped by a DST change, or a time"
                                    + " in the past, is refused. \"queue\": the first slot of the workspace's posting"
                                    + " schedule that no other post holds on these accounts (see posting-schedule).",
                            nullable = true)
                    @Nullable
                    String scheduledAt,
            @Schema(description = "An IANA zone such as Europe/Berlin.", nullable = true) @Nullable String timezone,
            @Schema(description = "Save as a draft: not validated against the targets' rules, not scheduled.") @Nullable
                    Boolean draft,
            @Schema(
                            description = "The workspace's labels for it (a campaign, a content pillar): at most 10,"
                                    + " each 1 to 40 characters without commas; a leading # is dropped.",
                            nullable = true)
                    @Nullable
                    @Size(max = 50)
                    List<String> tags,
            @Schema(
                            description = "Whether its links (in the text and the link field) get the workspace's UTM"
                                    + " parameters when it is published; absent: the workspace's linkTagging.enabled.",
                            nullable = true)
                    @Nullable
                    Boolean tagLinks,
            @Schema(
                            description = "A comment Herald writes under the post on each account once it is"
                                    + " published (the hashtags, a link, the credits): X gets it as a reply. Checked"
                                    + " against each platform's limit for comments; blank for none.",
                            nullable = true)
                    @Nullable
                    @Size(max = 10000)
                    String firstComment,
            @Schema(
                            description = "Repeat it: once its time comes, Herald makes the next post at the same local"
                                    + " time (a post of its own, which repeats in turn) until the last day.",
                            nullable = true)
                    @Nullable
                    @Valid
                    RepeatRequest repeat,
            @Schema(
                            description = "Whether its http(s) links are published as short links that count clicks"
                                    + " (docs/short-links.md); absent: the workspace's shortenLinks.",
                            nullable = true)
                    @Nullable
                    Boolean shortenLinks,
            @Schema(
                            description = "The parts that follow its text as a thread on the accounts whose platform"
                                    + " has threads (X, the Sandbox), each published as a reply to the one before: at"
                                    + " most 24, each checked as a post of its own there. Elsewhere the post goes out"
                                    + " alone. Such an account takes no first comment.",
                            nullable = true)
                    @Nullable
                    @Size(max = 50)
                    List<String> thread,
            @Schema(
                            description = "Each thread part's media (asset ids), side by side with thread: [[], [id]]"
                                    + " gives the second part one image. At most 10 a part, checked against the"
                                    + " platform's rules for a post's media (X: 4 images or 1 video). A part may be"
                                    + " media alone (its text \"\").",
                            nullable = true)
                    @Nullable
                    @Size(max = 50)
                    List<@Nullable @Size(max = 20) List<@NotNull UUID>> threadMediaIds,
            @Schema(
                            description = "The language it is written in, a BCP 47 tag such as en, de or pt-BR, told to"
                                    + " Bluesky and Mastodon; absent: the workspace's postLanguage.",
                            nullable = true,
                            example = "de")
                    @Nullable
                    @Size(max = 35)
                    String language) {

        NewPost toPost() {
            return new NewPost(
                    body,
                    link,
                    mediaIds == null
                            ? List.of()
                            : mediaIds.stream().map(AssetId::new).toList(),
                    targets == null
                            ? List.of()
                            : targets.stream().map(TargetRequest::toTarget).toList(),
                    scheduledAt,
                    timezone,
                    Boolean.TRUE.equals(draft),
                    tags == null ? List.of() : tags,
                    tagLinks,
                    firstComment,
                    repeat == null ? null : repeat.toRepeat(),
                    shortenLinks,
                    thread == null ? List.of() : thread,
                    assetLists(threadMediaIds),
                    language);
        }
    }

    @Schema(name = "PostTags")
    record Tags(
            @Schema(description = "Replaces the post's tags; [] removes them all.") @Nullable @Size(max = 50)
                    List<String> tags) {}

    @Schema(name = "PostChanges")
    record Edit(
            @Nullable @Size(max = 10000) String body,
            @Nullable @Size(max = 2000) String link,
            @Nullable @Size(max = 20) List<UUID> mediaIds,
            @Nullable @Size(max = 50) List<@Valid TargetRequest> targets,
            @Nullable String scheduledAt,
            @Nullable String timezone,
            @Schema(description = "false schedules a draft; true takes a scheduled post back to draft.") @Nullable
                    Boolean draft,
            @Schema(
                            description = "Turns the UTM parameters of its links on or off; absent: as it was.",
                            nullable = true)
                    @Nullable
                    Boolean tagLinks,
            @Schema(description = "Replaces its first comment; \"\" removes it; absent: as it was.", nullable = true)
                    @Nullable
                    @Size(max = 10000)
                    String firstComment,
            @Schema(
                            description = "Replaces how it repeats; {\"every\":\"never\"} stops it; absent: as it was.",
                            nullable = true)
                    @Nullable
                    @Valid
                    RepeatRequest repeat,
            @Schema(
                            description = "Turns its short links that count clicks on or off; absent: as it was.",
                            nullable = true)
                    @Nullable
                    Boolean shortenLinks,
            @Schema(
                            description = "Replaces its thread's parts; [] makes it a single post; absent: as it was.",
                            nullable = true)
                    @Nullable
                    @Size(max = 50)
                    List<String> thread,
            @Schema(
                            description = "Replaces the media of its thread's parts, side by side with thread; absent:"
                                    + " each part keeps the media of the part at its place.",
                            nullable = true)
                    @Nullable
                    @Size(max = 50)
                    List<@Nullable @Size(max = 20) List<@NotNull UUID>> threadMediaIds,
            @Schema(
                            description = "Sets the language it is written in (BCP 47); \"\" goes back to the"
                                    + " workspace's postLanguage; absent: as it was.",
                            nullable = true)
                    @Nullable
                    @Size(max = 35)
                    String language) {

        PostChanges toChanges() {
            return new PostChanges(
                    body,
                    link,
                    mediaIds == null
                            ? null
                            : mediaIds.stream().map(AssetId::new).toList(),
                    targets == null
                            ? null
                            : targets.stream().map(TargetRequest::toTarget).toList(),
                    scheduledAt,
                    timezone,
                    draft,
                    tagLinks,
                    firstComment,
                    repeat == null ? null : repeat.toRepeat(),
                    shortenLinks,
                    thread,
                    threadMediaIds == null ? null : assetLists(threadMediaIds),
                    language);
        }
    }

    /** Asset ids a part, as the API takes them (a null part: none). */
    static List<List<AssetId>> assetLists(@Nullable List<@Nullable List<UUID>> ids) {
        return ids == null
                ? List.of()
                : ids.stream()
                        .map(part -> part == null
                                ? List.<AssetId>of()
                                : part.stream().map(AssetId::new).toList())
                        .toList();
    }

    @Schema(name = "RejectPost")
    record Reject(
            @Schema(
                            description = "Why, 1 to 2000 characters: kept as a note on the post, and told to whoever"
                                    + " wrote it.")
                    @Nullable
                    String note) {}

    @Schema(name = "MarkPublished")
    record MarkPublished(@Schema(description = "The post's address on the platform.") @NotNull URI url) {}
}
