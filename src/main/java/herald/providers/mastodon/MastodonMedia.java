package herald.providers.mastodon;

import herald.providers.MediaDownloads;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A post's media as Mastodon attachments: each read from Herald's asset library ({@link MediaDownloads}), uploaded
 * with its description ({@code POST /api/v2/media}) and, when the server answers 202 (a video, a large image), waited
 * for ({@code GET /api/v1/media/:id}: 206 while it is processed, 200 when ready) up to {@link
 * MastodonSettings#processingWait()}. Each attachment's id is noted in the publish journal as soon as the server gives
 * it, so a retry (after a wait that ran out, or a post whose answer was lost) asks about that attachment instead of
 * uploading the medium again; an attachment the server no longer has is uploaded again.
 */
final class MastodonMedia {

    /** The journal's note of the {@code n}th medium's attachment id (from 1). */
    static String note(int n) {
        return "media." + n;
    }

    private final MastodonSettings settings;
    private final MastodonApi api;
    private final MastodonErrors errors;
    private final MediaDownloads downloads;

    MastodonMedia(MastodonSettings settings, MastodonApi api, MastodonErrors errors, MediaDownloads downloads) {
        this.settings = settings;
        this.api = api;
        this.errors = errors;
        this.downloads = downloads;
    }

    /** The attachments' ids of {@code media}, in order, each processed and ready to go with a status. */
    List<String> attach(MastodonCredential account, List<PublishRequest.Media> media, PublishJournal journal) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            int n = i + 1;
            String what = media.get(i).kind() + " " + n + " of the post";
            Optional<String> noted = journal.get(note(n));
            Optional<Boolean> ready = noted.flatMap(id -> state(account, id, what));
            String id;
            boolean processed;
            if (ready.isPresent()) {
                id = noted.get();
                processed = ready.get();
            } else {
                Uploaded uploaded = upload(account, media.get(i), n, what);
                id = uploaded.id();
                journal.put(note(n), id);
                processed = uploaded.processed();
            }
            if (!processed) {
                await(account, id, what);
            }
            ids.add(id);
        }
        return ids;
    }

    /** An attachment the server took: processed already (200), or still processing (202). */
    private record Uploaded(String id, boolean processed) {}

    private Uploaded upload(MastodonCredential account, PublishRequest.Media medium, int n, String what) {
        byte[] bytes = downloads.bytes(MastodonProvider.ID, medium);
        String type =
                medium.contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        PlatformAnswer answer = api.upload(
                account,
                bytes,
                medium.contentType(),
                medium.kind() + "-" + n + extension(type),
                medium.altText() == null ? "" : medium.altText(),
                what);
        if (answer.status() != 200 && answer.status() != 202) {
            throw errors.failure(answer, what);
        }
        String id = ProviderJson.text(errors.parse(answer, what), "id");
        if (id == null) {
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.TRANSIENT,
                    "The Mastodon server " + account.server() + " answered " + what + " without its id.");
        }
        return new Uploaded(id, answer.status() == 200);
    }

    /**
     * Whether the noted attachment is processed (true) or still processing (false); empty when the server no longer
     * has it (404: a leftover it cleaned up), so the medium is uploaded again.
     */
    private Optional<Boolean> state(MastodonCredential account, String id, String what) {
        PlatformAnswer answer = api.get(account.server(), account.accessToken(), path(id), what);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() == 200 || answer.status() == 206) {
            return Optional.of(answer.status() == 200);
        }
        throw errors.failure(answer, what);
    }

    private void await(MastodonCredential account, String id, String what) {
        long polls = Math.max(
                1,
                settings.processingWait().toMillis()
                        / Math.max(1, settings.processingPoll().toMillis()));
        for (long i = 0; i < polls; i++) {
            sleep(settings.processingPoll().toMillis());
            Optional<Boolean> processed = state(account, id, what);
            if (processed.isEmpty()) {
                throw new ProviderException(
                        MastodonProvider.ID,
                        Kind.TRANSIENT,
                        "The Mastodon server " + account.server() + " lost " + what + " while processing it; Herald"
                                + " will upload it again.");
            }
            if (processed.get()) {
                return;
            }
        }
        throw new ProviderException(
                MastodonProvider.ID,
                Kind.TRANSIENT,
                "The Mastodon server " + account.server() + " is still processing " + what + " after "
                        + settings.processingWait().toSeconds() + " seconds; Herald will try again and wait for the"
                        + " same upload.");
    }

    private static String path(String id) {
        return "/api/v1/media/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static String extension(String type) {
        return switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            case "video/webm" -> ".webm";
            case "video/quicktime" -> ".mov";
            default -> "";
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(
                    MastodonProvider.ID, Kind.TRANSIENT, "Herald stopped waiting for Mastodon to process a medium.");
        }
    }
}
